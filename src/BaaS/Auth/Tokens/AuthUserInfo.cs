namespace BaaS.Auth.Tokens;

/// <summary>What tokens and responses say about a user, read from the database at sign-in and refresh.</summary>
internal sealed record AuthUserInfo(
    Guid Id,
    string UserName,
    string? Email,
    string? DisplayName,
    string? ProfileUrl,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Permissions,
    DateTimeOffset? LockoutEnd)
{
    public string IdText => Id.ToString();

    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}
