namespace BaaS;

/// <summary>
/// The user a job runs as, stored with the job: its id, name, email, roles and permissions, from which the run
/// rebuilds a signed-in principal with the platform's claim names (BaaS.Jobs' <c>JobUserClaims</c> converts both ways).
/// </summary>
public sealed class JobUser
{
    /// <summary>The user's id (<c>sub</c>).</summary>
    public string? UserId { get; set; }

    /// <summary>The user's name.</summary>
    public string? UserName { get; set; }

    /// <summary>The user's email.</summary>
    public string? Email { get; set; }

    /// <summary>The user's roles.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The user's permissions.</summary>
    public List<string> Permissions { get; set; } = [];
}
