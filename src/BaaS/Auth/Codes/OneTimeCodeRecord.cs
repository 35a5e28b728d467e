namespace BaaS.Auth.Codes;

/// <summary>
/// What the cache keeps of a code sent: never the code, only its HMAC (see <see cref="OneTimeCodeHasher"/>), so a reader
/// of the cache (a Redis dump) cannot sign anyone in.
/// </summary>
internal sealed class OneTimeCodeRecord
{
    /// <summary>This code's random id: its single-use mark and its hash are tied to it, so a new code starts afresh.</summary>
    public string Id { get; set; } = "";

    /// <summary>Base64 of HMAC-SHA256 over the purpose, subject, recipient, id and code.</summary>
    public string Hash { get; set; } = "";

    /// <summary>When it stops working, on the app's clock (the cache keeps the record longer, so a late code is told apart).</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
