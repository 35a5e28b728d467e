using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BaaS.AutoQuery;

/// <summary>
/// AutoQuery as a feature: its operation source implements every query and CRUD DTO that no hand-written service
/// serves, and it tells clients its limits (metadata <c>plugins.autoQuery</c>). Added by <c>AddAutoQuery</c>.
/// </summary>
internal sealed class AutoQueryFeature : BaaSFeature
{
    public override string Id => "autoQuery";

    public override IEnumerable<IOperationSource> CreateOperationSources(IServiceProvider services) =>
        [services.GetRequiredService<AutoQuerySource>()];

    public override object? Describe(IServiceProvider services, OperationCatalog catalog)
    {
        var options = services.GetRequiredService<IOptions<AutoQueryOptions>>().Value;
        return new AutoQueryFeatureInfo(options.MaxLimit, options.IncludeTotal, options.EnableImplicitFilters, options.EnableAuditLog,
            catalog.Operations.Count(o => o.ServiceType is null && o.DataModel is not null));
    }
}

/// <summary>What <c>plugins.autoQuery</c> says.</summary>
/// <param name="MaxLimit">The most rows one query answers (<c>take</c> above it is cut to it).</param>
/// <param name="IncludeTotal">Whether queries count the total without <c>include=total</c>.</param>
/// <param name="ImplicitFilters">Whether unmatched query-string keys filter by column (<c>?name=x</c>).</param>
/// <param name="AuditLog">Whether CRUD operations are recorded (queryable as <c>QueryCrudEvents</c>).</param>
/// <param name="Operations">How many operations AutoQuery implements.</param>
internal sealed record AutoQueryFeatureInfo(int MaxLimit, bool IncludeTotal, bool ImplicitFilters, bool AuditLog, int Operations);
