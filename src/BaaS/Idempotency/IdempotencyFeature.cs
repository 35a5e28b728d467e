using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> as a feature: its filter in the pipeline of every operation callable with an unsafe verb, and
/// <c>plugins.idempotency</c> in the metadata (the header names and the settings clients may rely on).
/// </summary>
internal sealed class IdempotencyFeature : BaaSFeature
{
    public override string Id => "idempotency";

    public override IEnumerable<IOperationFilter> CreateFilters(IServiceProvider services) => [services.GetRequiredService<IdempotencyFilter>()];

    public override object? Describe(IServiceProvider services, OperationCatalog catalog)
    {
        var options = services.GetRequiredService<IdempotencyOptions>();
        return new IdempotencyFeatureInfo(IdempotencyOptions.HeaderName, IdempotencyOptions.ReplayedHeaderName, ["POST", "PUT", "PATCH", "DELETE"],
            options.MaxKeyLength, (long)options.Expiry.TotalSeconds);
    }
}

/// <summary>What <c>plugins.idempotency</c> says.</summary>
/// <param name="Header">The request header carrying the key.</param>
/// <param name="ReplayedHeader">The response header marking a replayed answer.</param>
/// <param name="Verbs">The verbs a key applies to.</param>
/// <param name="MaxKeyLength">The longest key accepted.</param>
/// <param name="ExpirySeconds">How long a completed key replays its answer.</param>
internal sealed record IdempotencyFeatureInfo(string Header, string ReplayedHeader, IReadOnlyList<string> Verbs, int MaxKeyLength, long ExpirySeconds);
