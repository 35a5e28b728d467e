using Microsoft.AspNetCore.Http;

namespace BaaS.Auth;

/// <summary>
/// Why the credentials a request carried were refused (an expired token, a revoked API key...), kept on the request
/// so a 401 can say so instead of a bare "sign in".
/// </summary>
/// <param name="Code">The error code, e.g. <c>TokenExpired</c>.</param>
/// <param name="Message">The message for the caller.</param>
public sealed record AuthFailure(string Code, string Message)
{
    private static readonly object Key = new();

    /// <summary>The refusal recorded for this request, or null.</summary>
    public static AuthFailure? Get(HttpContext context) => context.Items.TryGetValue(Key, out var value) ? value as AuthFailure : null;

    /// <summary>Records why the request's credentials were refused.</summary>
    public static void Set(HttpContext context, AuthFailure failure) => context.Items[Key] = failure;
}
