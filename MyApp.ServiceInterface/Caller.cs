using System.Security.Claims;
using BaaS;
using BaaS.Auth;

namespace MyApp.ServiceInterface;

/// <summary>The signed-in caller's id as MyApp stores it (a Guid, the token's <c>sub</c>).</summary>
public static class Caller
{
    /// <summary>The caller's user id; 401 when nobody (or an id that is not a user's) signed in.</summary>
    public static Guid Id(ClaimsPrincipal user) =>
        Guid.TryParse(user.GetUserId(), out var id) ? id : throw HttpError.Unauthorized("Sign in first.");

    /// <summary>Who audited rows are recorded against, as AutoQuery records it.</summary>
    public static string Name(ClaimsPrincipal user) => user.GetUserName() ?? user.GetUserId() ?? "";
}
