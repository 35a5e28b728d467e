using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;

namespace BaaS.Routing;

/// <summary>
/// A <see cref="RouteAttribute"/> path parsed once: ServiceStack's <c>{Path*}</c> wildcard becomes ASP.NET Core's
/// <c>{*Path}</c>; everything else is ASP.NET Core route syntax (<c>{Id:int}</c>, <c>{Id?}</c>). Two templates that
/// match the same URLs (<c>/orders/{Id}</c> and <c>/Orders/{OrderId}</c>) share a <see cref="Shape"/>.
/// </summary>
internal sealed partial class RouteTemplate
{
    private RouteTemplate(string original, RoutePattern pattern, string shape)
    {
        Original = original;
        Pattern = pattern;
        Shape = shape;
    }

    /// <summary>The path as declared.</summary>
    public string Original { get; }

    /// <summary>The parsed ASP.NET Core pattern.</summary>
    public RoutePattern Pattern { get; }

    /// <summary>The template with parameter names erased and literals lower-cased: equal shapes match equal URLs.</summary>
    public string Shape { get; }

    /// <summary>The parameter names, in path order.</summary>
    public IReadOnlyList<string> Parameters => [.. Pattern.Parameters.Select(p => p.Name)];

    public static RouteTemplate Parse(string path, string owner)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new InvalidOperationException($"{owner} has an empty [Route] path.");
        var template = path.Trim();
        if (template.Contains('?'))
        {
            // '?' is only allowed as the optional-parameter marker inside braces.
            var outside = BracedRegex().Replace(template, "");
            if (outside.Contains('?'))
                throw new InvalidOperationException($"{owner}: route '{path}' has a query string: routes are paths only; query-string values bind by name anyway.");
        }
        if (!template.StartsWith('/')) template = "/" + template;
        template = WildcardRegex().Replace(template, "{*$1}");
        RoutePattern pattern;
        try
        {
            pattern = RoutePatternFactory.Parse(template);
        }
        catch (RoutePatternException e)
        {
            throw new InvalidOperationException($"{owner}: route '{path}' is not a valid route template: {e.Message}", e);
        }
        return new RouteTemplate(path, pattern, ShapeOf(pattern));
    }

    private static string ShapeOf(RoutePattern pattern)
    {
        var shape = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            shape.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        shape.Append(literal.Content.ToLowerInvariant());
                        break;
                    case RoutePatternSeparatorPart separator:
                        shape.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        shape.Append('{');
                        if (parameter.IsCatchAll) shape.Append('*');
                        foreach (var policy in parameter.ParameterPolicies) shape.Append(':').Append(policy.Content);
                        if (parameter.IsOptional) shape.Append('?');
                        shape.Append('}');
                        break;
                }
            }
        }
        return shape.Length == 0 ? "/" : shape.ToString();
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\*\}")]
    private static partial Regex WildcardRegex();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex BracedRegex();
}
