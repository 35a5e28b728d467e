namespace BaaS;

/// <summary>Changes the signed-in user's password; the user's other sessions end.</summary>
[Tag("Auth")]
[ValidateIsAuthenticated]
public class ChangePassword : IPost, IReturn<EmptyResponse>
{
    /// <summary>The current password.</summary>
    public string? CurrentPassword { get; set; }

    /// <summary>The new password.</summary>
    public string? NewPassword { get; set; }
}
