namespace BaaS.Files;

/// <summary>The URLs files are served at: <c>{prefix}/{location}/{path}</c>.</summary>
internal sealed class FileUrls(string prefix)
{
    public string Prefix { get; } = "/" + prefix.Trim('/');

    public string Of(string location, string path) => $"{Prefix}/{location}/{path}";

    /// <summary>The location and path of a stored URL (relative or absolute; a query string is ignored), or null when it is none of ours.</summary>
    public (string Location, string Path)? Parse(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        var text = url;
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") text = absolute.AbsolutePath;
        var query = text.IndexOfAny(['?', '#']);
        if (query >= 0) text = text[..query];
        if (!text.StartsWith(Prefix + "/", StringComparison.Ordinal)) return null;
        var rest = text[(Prefix.Length + 1)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) return null;
        var (location, path) = (rest[..slash], rest[(slash + 1)..]);
        return FileKeys.IsSafeSegment(location) && FileKeys.IsSafeKey(path) ? (location, path) : null;
    }
}
