using System.Globalization;
using System.Text;
using BaaS.Reflection;

namespace BaaS.ServerEvents;

/// <summary>
/// A text with <c>{Property}</c> placeholders filled from a row: <c>order-{Id}</c> is <c>order-42</c> for the row with
/// Id 42. Parsed once; a placeholder the model has no property for fails startup.
/// </summary>
internal sealed class RowTemplate
{
    private readonly List<(string? Literal, PropertyModel? Property)> _parts;

    private RowTemplate(string text, List<(string?, PropertyModel?)> parts)
    {
        Text = text;
        _parts = parts;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/> against <paramref name="model"/>'s properties.</summary>
    public static RowTemplate Parse(string text, Type model, string where)
    {
        var parts = new List<(string?, PropertyModel?)>();
        var properties = TypeModel.Of(model);
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('{', at);
            if (open < 0) { parts.Add((text[at..], null)); break; }
            if (open > at) parts.Add((text[at..open], null));
            var close = text.IndexOf('}', open);
            if (close < 0) throw new InvalidOperationException($"{where}: '{text}' has a '{{' without its '}}'.");
            var name = text[(open + 1)..close];
            var property = properties.Find(name)
                ?? throw new InvalidOperationException($"{where}: '{text}' names {{{name}}}, which {model.Name} has no property for.");
            parts.Add((null, property));
            at = close + 1;
        }
        return new RowTemplate(text, parts);
    }

    /// <summary>The text for <paramref name="row"/>; null when a placeholder's value is null.</summary>
    public string? Fill(object row)
    {
        var text = new StringBuilder();
        foreach (var (literal, property) in _parts)
        {
            if (literal is not null) { text.Append(literal); continue; }
            switch (property!.Getter(row))
            {
                case null: return null;
                case IFormattable formattable: text.Append(formattable.ToString(null, CultureInfo.InvariantCulture)); break;
                case var value: text.Append(value); break;
            }
        }
        return text.ToString();
    }
}
