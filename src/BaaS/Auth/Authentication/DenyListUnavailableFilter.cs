using Microsoft.Extensions.Options;

namespace BaaS.Auth.Authentication;

/// <summary>
/// With <see cref="DenyListOptions.FailureMode"/> <see cref="DenyListFailureMode.Closed"/>: an operation called with an
/// access token that could not be checked against the deny list (the cache is away) answers 503
/// <c>CacheUnavailable</c> with <c>Retry-After</c>, whatever the operation, before anything else is decided about the
/// caller. In the default open mode the filter is on no operation at all.
/// </summary>
internal sealed class DenyListUnavailableFilter(IOptions<DenyListOptions> options) : IOperationFilter
{
    /// <summary>Set on a request by the authentication handler when its token could not be checked.</summary>
    internal static readonly object UncheckedKey = new();

    // Just before the cookie refresh and authorization, which would otherwise refresh or answer 401.
    public int Order => FilterOrder.AutoRefresh - 100;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation) => options.Value.FailureMode == DenyListFailureMode.Closed;

    public ValueTask InvokeAsync(OperationContext run, OperationFilterDelegate next)
    {
        if (run.HttpContext.Items.ContainsKey(UncheckedKey))
            throw new CacheUnavailableException("The access-token deny list cannot be read and BaaS:Auth:DenyList:FailureMode is Closed: the call is refused.");
        return next(run);
    }
}
