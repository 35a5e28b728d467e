using System.Globalization;
using System.Text;

namespace BaaS.NativeTypes;

/// <summary>
/// The header every generated file opens with, in ServiceStack's form. Options that were sent stand un-commented;
/// the others stand commented out with their defaults, so un-commenting one and updating (<c>baas ts dtos.ts</c>)
/// sends it:
/// <code>
/// /* Options:
/// Date: 2026-11-22 10:11:12
/// Version: 1.0.0
/// Tip: To override a DTO option, remove "//" prefix before updating
/// BaseUrl: http://localhost:5000
///
/// //GlobalNamespace: MyApp
/// IncludeTypes: GetOrder.*
/// //ExcludeTypes:
/// */
/// </code>
/// </summary>
internal static class OptionsHeader
{
    public const string Tip = "Tip: To override a DTO option, remove \"//\" prefix before updating";

    public static void Write(StringBuilder sb, string open, string close, Metadata.AppMetadata metadata, NativeTypesOptions options,
        IReadOnlyList<NativeTypesOption> languageOptions)
    {
        var now = options.Now ?? DateTimeOffset.UtcNow;
        sb.Append(open).Append(" Options:\n");
        sb.Append("Date: ").Append(now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("Version: ").Append(metadata.App.Version).Append('\n');
        sb.Append(Tip).Append('\n');
        sb.Append("BaseUrl: ").Append(options.BaseUrl).Append("\n\n");
        foreach (var option in languageOptions)
            Line(sb, option.Name, options.Values.TryGetValue(option.Name, out var value) ? value : null, option.DefaultValue);
        Line(sb, nameof(NativeTypesOptions.IncludeTypes), options.IncludeTypes.Count > 0 ? string.Join(",", options.IncludeTypes) : null, "");
        Line(sb, nameof(NativeTypesOptions.ExcludeTypes), options.ExcludeTypes.Count > 0 ? string.Join(",", options.ExcludeTypes) : null, "");
        sb.Append(close).Append("\n\n");
    }

    private static void Line(StringBuilder sb, string name, string? given, string defaultValue)
    {
        if (given is not null) sb.Append(name).Append(": ").Append(Clean(given)).Append('\n');
        else sb.Append("//").Append(name).Append(':').Append(defaultValue.Length > 0 ? " " + defaultValue : "").Append('\n');
    }

    // A value is one line of text and never closes the comment it stands in.
    private static string Clean(string value) =>
        value.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("*/", "* /", StringComparison.Ordinal).Replace("\"\"\"", "\" \" \"", StringComparison.Ordinal);

    /// <summary>One line of documentation text: no line breaks, nothing that ends a comment.</summary>
    public static string DocText(string text) =>
        string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("*/", "*\\/", StringComparison.Ordinal);
}
