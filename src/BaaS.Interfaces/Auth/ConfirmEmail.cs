namespace BaaS;

/// <summary>
/// Confirms a user's email with the token from the confirmation email. The email's link opens
/// <c>GET /auth/confirm-email?userId=...&amp;token=...</c>.
/// </summary>
[Route("/auth/confirm-email")]
[Tag("Auth")]
public class ConfirmEmail : IPost, IReturn<EmptyResponse>
{
    /// <summary>The user's id, from the link.</summary>
    public string? UserId { get; set; }

    /// <summary>The token, from the link.</summary>
    public string? Token { get; set; }
}
