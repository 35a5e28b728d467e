using System.Globalization;
using BaaS.Reflection;

namespace BaaS.Files;

/// <summary>
/// A location's path template compiled for one request DTO type: <c>/restaurants/{RestaurantId}/{Guid}.{ext}</c> becomes
/// <c>restaurants/42/3f2a9c0e....png</c>. Placeholders are the DTO's properties (by name, any case), <c>{Guid}</c> (a new
/// GUID, 32 hex digits) and <c>{ext}</c> (the extension the content decided). A placeholder that names no property fails
/// startup; a value that is not a safe segment refuses the upload with 400 naming the property.
/// </summary>
internal sealed class PathTemplate
{
    private readonly List<Part> _parts;

    private PathTemplate(List<Part> parts) => _parts = parts;

    /// <summary>Compiles <paramref name="template"/> for <paramref name="dtoType"/> (null: only <c>{Guid}</c> and <c>{ext}</c> allowed).</summary>
    /// <param name="template">The template text.</param>
    /// <param name="location">The location's name, for messages.</param>
    /// <param name="dtoType">The request DTO type whose properties fill the placeholders.</param>
    /// <param name="checkPropertiesLater">Without a DTO type: accept property placeholders (checked per DTO type later), failing only at render.</param>
    public static PathTemplate Compile(string template, string location, Type? dtoType, bool checkPropertiesLater = false)
    {
        var parts = new List<Part>();
        var text = template.Trim().TrimStart('/');
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('{', at);
            if (open < 0) { parts.Add(Literal(text[at..], template, location)); break; }
            if (open > at) parts.Add(Literal(text[at..open], template, location));
            var close = text.IndexOf('}', open);
            if (close < 0) throw new InvalidOperationException($"File location '{location}': the path template '{template}' has a '{{' without '}}'.");
            var name = text[(open + 1)..close];
            if (name.Equals("Guid", StringComparison.OrdinalIgnoreCase)) parts.Add(new Part(PartKind.Guid, name, null));
            else if (name.Equals("ext", StringComparison.OrdinalIgnoreCase)) parts.Add(new Part(PartKind.Extension, name, null));
            else
            {
                var property = dtoType is null ? null : TypeModel.Of(dtoType).Find(name);
                if (dtoType is null && checkPropertiesLater)
                {
                    parts.Add(new Part(PartKind.Property, name, null));
                    at = close + 1;
                    continue;
                }
                if (property is null || !property.CanRead)
                    throw new InvalidOperationException(
                        $"File location '{location}': the path template '{template}' uses {{{name}}}, which " +
                        (dtoType is null ? "needs a request DTO" : $"is no property of {dtoType.Name}") +
                        ": a template takes the request's properties, {Guid} and {ext}.");
                parts.Add(new Part(PartKind.Property, property.Name, property.Getter));
            }
            at = close + 1;
        }
        // Placeholders filled with "x" must give a safe key: no empty, "." or ".." segment made by the literals.
        if (!FileKeys.IsSafeKey(string.Concat(parts.Select(p => p.Kind == PartKind.Literal ? p.Name : "x"))))
            throw new InvalidOperationException($"File location '{location}': the path template '{template}' makes unsafe paths (an empty, '.' or '..' segment).");
        if (!parts.Exists(p => p.Kind is PartKind.Guid or PartKind.Property))
            throw new InvalidOperationException($"File location '{location}': the path template '{template}' makes the same path for every file: add {{Guid}}.");
        return new PathTemplate(parts);
    }

    /// <summary>The path for a file of <paramref name="dto"/> with extension <paramref name="extension"/>.</summary>
    /// <exception cref="HttpError">400 naming the property whose value cannot be part of a path.</exception>
    /// <param name="dto">The request DTO whose properties fill the placeholders.</param>
    /// <param name="extension">The extension the content decided.</param>
    /// <param name="fallback">Where a property the DTO leaves null is read instead (the row a patch changes), or null.</param>
    public string Render(object? dto, string extension, Func<string, object?>? fallback = null)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var part in _parts)
        {
            switch (part.Kind)
            {
                case PartKind.Literal: builder.Append(part.Name); break;
                case PartKind.Guid: builder.Append(Guid.NewGuid().ToString("N")); break;
                case PartKind.Extension: builder.Append(extension); break;
                default:
                    var value = (dto is null || part.Get is null ? null : part.Get(dto)) ?? fallback?.Invoke(part.Name);
                    var text = value switch
                    {
                        null => null,
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => value.ToString(),
                    };
                    if (text is null || !FileKeys.IsSafeSegment(text))
                        throw HttpError.Validation(part.Name, "InvalidValue",
                            $"'{Text.WireFormat.Clip(text ?? "null")}' cannot be part of a file path: {part.Name} must be letters, digits, '.', '-' or '_'.");
                    builder.Append(text);
                    break;
            }
        }
        var key = builder.ToString();
        // A value like "a.b" is safe, but could still join a literal into "..": check the whole key once more.
        if (!FileKeys.IsSafeKey(key)) throw HttpError.BadRequest($"The file path '{Text.WireFormat.Clip(key)}' is not safe.", "InvalidValue");
        return key;
    }

    private static Part Literal(string text, string template, string location)
    {
        foreach (var c in text)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/'))
                throw new InvalidOperationException($"File location '{location}': the path template '{template}' has '{c}' in '{text}': use letters, digits, '-', '_', '.' and '/'.");
        return new Part(PartKind.Literal, text, null);
    }

    private enum PartKind { Literal, Property, Guid, Extension }

    private sealed record Part(PartKind Kind, string Name, Func<object, object?>? Get);
}
