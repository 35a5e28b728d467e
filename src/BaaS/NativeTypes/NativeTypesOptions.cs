namespace BaaS.NativeTypes;

/// <summary>
/// What a request to <c>/types/{language}</c> asks for, from its query string:
/// <c>/types/typescript?IncludeTypes=GetOrder.*&amp;ExcludeTypes=Secret</c>. The same options stand in the generated
/// file's header, so an update replays them.
/// </summary>
public sealed class NativeTypesOptions
{
    /// <summary>The server's address, written in the header so tools know where to update from.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>
    /// Only these types: a name (<c>Restaurant</c>), a name with everything it uses (<c>GetOrder.*</c>) or a prefix
    /// (<c>Query*</c>). Empty: every type.
    /// </summary>
    public List<string> IncludeTypes { get; } = [];

    /// <summary>Leave out these types (names or prefixes such as <c>Admin*</c>).</summary>
    public List<string> ExcludeTypes { get; } = [];

    /// <summary>The language options that were given, by name (case-insensitive).</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Fixed time for the header's <c>Date</c> line (tests); null means now.</summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>A language option's value, or <paramref name="defaultValue"/>.</summary>
    public string Get(string name, string defaultValue) =>
        Values.TryGetValue(name, out var value) ? value : defaultValue;

    /// <summary>A boolean language option (<c>True</c>/<c>False</c>, any case).</summary>
    public bool GetBool(string name, bool defaultValue) =>
        Values.TryGetValue(name, out var value) ? !string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase) && value.Trim() != "0" : defaultValue;

    /// <summary>
    /// Reads the options from query-string pairs: <c>BaseUrl</c>, <c>IncludeTypes</c> and <c>ExcludeTypes</c>
    /// (comma-separated) and any other pair as a language option. Names are case-insensitive.
    /// </summary>
    public static NativeTypesOptions From(IEnumerable<KeyValuePair<string, string>> pairs, string baseUrl)
    {
        var options = new NativeTypesOptions { BaseUrl = baseUrl };
        foreach (var (key, value) in pairs)
        {
            if (string.Equals(key, nameof(BaseUrl), StringComparison.OrdinalIgnoreCase))
            {
                if (!string.IsNullOrWhiteSpace(value)) options.BaseUrl = value.Trim();
            }
            else if (string.Equals(key, nameof(IncludeTypes), StringComparison.OrdinalIgnoreCase)) options.IncludeTypes.AddRange(SplitList(value));
            else if (string.Equals(key, nameof(ExcludeTypes), StringComparison.OrdinalIgnoreCase)) options.ExcludeTypes.AddRange(SplitList(value));
            else options.Values[key] = value;
        }
        return options;
    }

    /// <summary>Splits a comma-separated list, trimming entries and dropping empty ones.</summary>
    public static IEnumerable<string> SplitList(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
