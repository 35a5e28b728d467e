using BaaS.DataAnnotations;

namespace BaaS.Idempotency;

/// <summary>A row of <c>baas_idempotency</c>: one caller's key, claimed (in progress) or completed with its answer.</summary>
[Alias("baas_idempotency")]
[CompositeIndex(nameof(Scope), nameof(IdempotencyKey), Unique = true)]
internal sealed class IdempotencyRecord
{
    [AutoIncrement] public long Id { get; set; }

    /// <summary>Whose key: <c>user:{id}</c>, <c>apikey:{id}</c> or <c>anonymous</c>.</summary>
    [StringLength(300)] public string Scope { get; set; } = "";

    [StringLength(1000)] public string IdempotencyKey { get; set; } = "";

    [StringLength(300)] public string Operation { get; set; } = "";

    /// <summary>SHA-256 (hex) of the verb, path, query string and body.</summary>
    [StringLength(64)] public string Fingerprint { get; set; } = "";

    /// <summary><c>InProgress</c> or <c>Completed</c>.</summary>
    [StringLength(16)] public string State { get; set; } = "";

    /// <summary>The claim's random token: only its holder completes or releases the key.</summary>
    [StringLength(32)] public string Token { get; set; } = "";

    public int? StatusCode { get; set; }

    public string? ResponseBody { get; set; }

    public DateTime ClaimedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    [Index] public DateTime ExpiresAt { get; set; }
}
