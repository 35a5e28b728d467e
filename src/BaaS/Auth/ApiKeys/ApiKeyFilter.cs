using Microsoft.AspNetCore.Http;

namespace BaaS.Auth.ApiKeys;

/// <summary>
/// Decides, before the request is read, what an API key may call. <see cref="ValidateApiKeyAttribute"/> operations
/// need a key (401 without one; signed-in Admin users pass) holding their scopes (403 <c>MissingScope</c>). A key
/// calling an operation that needs a signed-in caller gets through only when the operation names the scopes a key needs
/// (<see cref="ApiKeyScopeAttribute"/>) and the key holds them all: anything else, the platform's key, user and
/// password operations among it, is 403 <c>ApiKeyNotAllowed</c>, whatever the key's user may do when signed in.
/// </summary>
internal sealed class ApiKeyFilter : IOperationFilter
{
    // Written once per operation at startup, read on every request: no lock on the request path.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, AuthRequirements> _requirements = new();

    public int Order => FilterOrder.ApiKey;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation)
    {
        var requirements = AuthRequirements.Of(operation.RequestType);
        // Operations anyone may call and that ask nothing of keys have nothing to check.
        if (!requirements.RequiresApiKey && !requirements.RequiresAuth && requirements.ApiKeyScopes.Count == 0) return false;
        _requirements[operation.RequestType] = requirements;
        return true;
    }

    public ValueTask InvokeAsync(OperationContext run, OperationFilterDelegate next)
    {
        Check(run.HttpContext, run.Operation);
        return next(run);
    }

    private void Check(HttpContext context, Operation operation)
    {
        var requirements = _requirements[operation.RequestType];
        var user = context.User;
        var viaKey = user.GetApiKeyId() is not null;
        if (!viaKey)
        {
            // Signed in some other way: only key operations ask anything, and Admin users pass them.
            if (!requirements.RequiresApiKey || (user.Identity?.IsAuthenticated == true && user.HasRole(AuthRequirements.AdminRole))) return;
            // A key (or token) that was sent but refused says why.
            if (AuthFailure.Get(context) is { } failure) throw HttpError.Unauthorized(failure.Message, failure.Code);
            throw HttpError.Unauthorized(
                $"{operation.Name} needs an API key: send it as 'Authorization: Bearer ak-...' or 'X-Api-Key: ak-...'.", "ApiKeyRequired");
        }
        if (!requirements.AllowsApiKeys)
            throw HttpError.Forbidden(
                $"{operation.Name} cannot be called with an API key: sign in instead. (An operation opens itself to keys by naming their scope with [ApiKeyScope].)",
                "ApiKeyNotAllowed");
        foreach (var scope in requirements.ApiKeyScopes)
        {
            if (!user.HasScope(scope))
                throw HttpError.Forbidden($"{operation.Name} needs an API key with the '{scope}' scope.", "MissingScope");
        }
    }
}
