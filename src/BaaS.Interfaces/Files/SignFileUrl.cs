namespace BaaS;

/// <summary>
/// Asks for a short-lived signed URL of a stored file the caller may read: the URL works without signing in (an
/// <c>&lt;img src&gt;</c>, a download link) until it expires. Served by the files feature.
/// </summary>
public class SignFileUrl : IReturn<SignFileUrlResponse>, IPost
{
    /// <summary>The file's URL as stored (<c>/files/menu-photos/restaurants/1/....png</c>).</summary>
    public string Url { get; set; } = "";

    /// <summary>How long the signed URL works, in seconds; the location's default when not sent, never more than its maximum.</summary>
    public int? ExpiresInSeconds { get; set; }
}

/// <summary>The answer of <see cref="SignFileUrl"/>.</summary>
public class SignFileUrlResponse
{
    /// <summary>The signed URL (relative to the site, like the stored one).</summary>
    public string Url { get; set; } = "";

    /// <summary>When it stops working (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>Set when the call failed.</summary>
    public ResponseStatus? ResponseStatus { get; set; }
}
