namespace BaaS;

/// <summary>
/// Settings of <c>Idempotency-Key</c> handling (<see cref="IdempotencyServiceCollectionExtensions.AddIdempotency"/>),
/// fixed at startup.
/// </summary>
public sealed class IdempotencyOptions
{
    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "Idempotency-Key";

    /// <summary>The response header set on an answer replayed from the store.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>The longest key accepted, in characters (printable ASCII). Default: 255.</summary>
    public int MaxKeyLength { get; set; } = 255;

    /// <summary>How long a completed key answers with its stored response; after that the key is forgotten. Default: 24 hours.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a key may stay in progress before a retry may take it over: only a process that died mid-request
    /// leaves one that long, and since the claim completes in the request's transaction, nothing it wrote stands.
    /// Longer than the slowest request. Default: 2 minutes.
    /// </summary>
    public TimeSpan InProgressTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a node deletes expired keys (on its next keyed request). Default: 10 minutes.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    internal void Validate()
    {
        if (MaxKeyLength is < 1 or > 1000) throw new InvalidOperationException($"IdempotencyOptions.MaxKeyLength must be between 1 and 1000, not {MaxKeyLength}.");
        if (Expiry <= TimeSpan.Zero) throw new InvalidOperationException("IdempotencyOptions.Expiry must be positive.");
        if (InProgressTimeout <= TimeSpan.Zero) throw new InvalidOperationException("IdempotencyOptions.InProgressTimeout must be positive.");
        if (CleanupInterval <= TimeSpan.Zero) throw new InvalidOperationException("IdempotencyOptions.CleanupInterval must be positive.");
    }
}
