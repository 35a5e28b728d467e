namespace BaaS;

/// <summary>
/// Sets a new password with the token from the password-reset email; every session of the user ends.
/// </summary>
[Tag("Auth")]
public class ResetPassword : IPost, IReturn<EmptyResponse>
{
    /// <summary>The user's id, from the link.</summary>
    public string? UserId { get; set; }

    /// <summary>The token, from the link.</summary>
    public string? Token { get; set; }

    /// <summary>The new password.</summary>
    public string? Password { get; set; }
}
