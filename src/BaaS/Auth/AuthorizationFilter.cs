using Microsoft.AspNetCore.Http;

namespace BaaS.Auth;

/// <summary>
/// Enforces <see cref="ValidateIsAuthenticatedAttribute"/>, <see cref="ValidateIsAdminAttribute"/>,
/// <see cref="ValidateHasRoleAttribute"/> and <see cref="ValidateHasPermissionAttribute"/> on every path (HTTP,
/// batches, in-process calls), before the request body is read: 401 when nobody is signed in, 403 when the caller
/// lacks a role or permission. Works with whatever ASP.NET Core authentication scheme sets <c>HttpContext.User</c>.
/// </summary>
internal sealed class AuthorizationFilter : IRequestFilter
{
    // Written once per operation at startup, read on every request: no lock on the request path.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, AuthRequirements> _requirements = new();

    public int Order => -1000;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation)
    {
        var requirements = AuthRequirements.Of(operation.RequestType);
        if (!requirements.RequiresAuth) return false;
        _requirements[operation.RequestType] = requirements;
        return true;
    }

    public ValueTask OnRequestAsync(HttpContext context, Operation operation, object? request)
    {
        var requirements = _requirements[operation.RequestType];
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            // Credentials that were sent but refused (an expired token, a revoked key) say why.
            if (AuthFailure.Get(context) is { } failure) throw HttpError.Unauthorized(failure.Message, failure.Code);
            throw HttpError.Unauthorized($"Sign in to call {operation.Name}.");
        }
        if (user.HasRole(AuthRequirements.AdminRole)) return ValueTask.CompletedTask;
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
        return ValueTask.CompletedTask;
    }
}
