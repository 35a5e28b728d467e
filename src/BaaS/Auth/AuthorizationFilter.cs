using Microsoft.AspNetCore.Http;

namespace BaaS.Auth;

/// <summary>
/// Enforces <see cref="ValidateIsAuthenticatedAttribute"/>, <see cref="ValidateIsAdminAttribute"/>,
/// <see cref="ValidateHasRoleAttribute"/> and <see cref="ValidateHasPermissionAttribute"/> on every path (HTTP,
/// batches, in-process calls), before the request body is read: 401 when nobody is signed in, 403 when the caller
/// lacks a role or permission. Works with whatever ASP.NET Core authentication scheme sets <c>HttpContext.User</c>.
/// </summary>
internal sealed class AuthorizationFilter : IOperationFilter
{
    // Written once per operation at startup, read on every request: no lock on the request path.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, AuthRequirements> _requirements = new();

    public int Order => FilterOrder.Authorization;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation)
    {
        var requirements = AuthRequirements.Of(operation.RequestType);
        if (!requirements.RequiresAuth) return false;
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
        if (user.Identity?.IsAuthenticated != true)
        {
            // Credentials that were sent but refused (an expired token, a revoked key) say why.
            if (AuthFailure.Get(context) is { } failure) throw HttpError.Unauthorized(failure.Message, failure.Code);
            throw HttpError.Unauthorized($"Sign in to call {operation.Name}.");
        }
        if (user.HasRole(AuthRequirements.AdminRole)) return;
        foreach (var role in requirements.Roles)
        {
            if (!user.HasRole(role))
                throw HttpError.Forbidden($"{operation.Name} needs the '{role}' role.", "MissingRole");
        }
        foreach (var permission in requirements.Permissions)
        {
            if (!user.HasClaim(AuthClaims.Permission, permission))
                throw HttpError.Forbidden($"{operation.Name} needs the '{permission}' permission.", "MissingPermission");
        }
    }
}
