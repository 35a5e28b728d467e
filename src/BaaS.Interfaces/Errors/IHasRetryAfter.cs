namespace BaaS;

/// <summary>
/// An exception that says when trying again may succeed: its error answer carries a <c>Retry-After</c> header (whole
/// seconds). Lets a library report "away for now" (an SMTP server that cannot be reached, say) without the web layer.
/// </summary>
public interface IHasRetryAfter
{
    /// <summary>How long the client should wait before trying again, or null when trying again would not help.</summary>
    TimeSpan? RetryAfter { get; }
}
