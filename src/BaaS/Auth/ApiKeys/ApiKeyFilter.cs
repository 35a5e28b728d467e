using Microsoft.AspNetCore.Http;

namespace BaaS.Auth.ApiKeys;

/// <summary>
/// Enforces <see cref="ValidateApiKeyAttribute"/> before the request is read: 401 without a valid API key, 403 when
/// the key lacks a scope. Signed-in Admin users pass, as they do every other check.
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
        if (!requirements.RequiresApiKey) return false;
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
        if (user.Identity?.IsAuthenticated == true && user.HasRole(AuthRequirements.AdminRole)) return;
        if (user.GetApiKeyId() is null)
        {
            // A key (or token) that was sent but refused says why.
            if (AuthFailure.Get(context) is { } failure) throw HttpError.Unauthorized(failure.Message, failure.Code);
            throw HttpError.Unauthorized(
                $"{operation.Name} needs an API key: send it as 'Authorization: Bearer ak-...' or 'X-Api-Key: ak-...'.", "ApiKeyRequired");
        }
        foreach (var scope in requirements.ApiKeyScopes)
        {
            if (!user.HasScope(scope))
                throw HttpError.Forbidden($"{operation.Name} needs an API key with the '{scope}' scope.", "MissingScope");
        }
    }
}
