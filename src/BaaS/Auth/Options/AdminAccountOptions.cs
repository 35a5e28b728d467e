namespace BaaS.Auth;

/// <summary>
/// The first administrator: when both are set and no user has the Admin role, startup creates this user with it
/// (<c>Auth__Admin__Email</c>, <c>Auth__Admin__Password</c>, from the environment or <c>.env</c>, never source).
/// </summary>
public sealed class AdminAccountOptions
{
    /// <summary>The administrator's email (also the user name).</summary>
    public string? Email { get; set; }

    /// <summary>The administrator's password.</summary>
    public string? Password { get; set; }
}
