namespace BaaS.Auth;

/// <summary>Locking an account after repeated failed sign-ins (Identity's lockout).</summary>
public sealed class AuthLockoutOptions
{
    /// <summary>Whether failed sign-ins lock accounts. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Failed sign-ins in a row that lock the account. Default: 5.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long the account stays locked. Default: 15 minutes.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
