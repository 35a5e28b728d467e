using System.Security.Claims;

namespace BaaS.Files;

/// <summary>Applies a location's read and write rules.</summary>
internal static class FileRules
{
    /// <summary>Throws 401 (anonymous) or 403 naming <paramref name="field"/> when <paramref name="user"/> may not write to the location.</summary>
    public static void CheckWrite(ResolvedLocation location, ClaimsPrincipal user, string field)
    {
        if (location.Options.Write.Allows(new FileAccessRequest(user, location.Name, null, null, IsWrite: true))) return;
        throw user.Identity?.IsAuthenticated == true ? FileErrors.Forbidden(field, location.Name) : FileErrors.Unauthorized(field, location.Name);
    }

    /// <summary>True when <paramref name="user"/> may read the file at <paramref name="path"/>, uploaded by <paramref name="ownerId"/>.</summary>
    public static bool CanRead(ResolvedLocation location, ClaimsPrincipal user, string path, string? ownerId) =>
        location.Options.Read.Allows(new FileAccessRequest(user, location.Name, path, ownerId, IsWrite: false));
}
