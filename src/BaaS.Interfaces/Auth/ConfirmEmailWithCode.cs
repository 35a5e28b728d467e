namespace BaaS;

/// <summary>
/// Confirms the signed-in user's email address with the code <see cref="SendEmailVerificationCode"/> emailed, as
/// opening the confirmation link does. A code works once, for 10 minutes, and 5 wrong codes void it (by default).
/// </summary>
[Route("/auth/confirm-email/code")]
[Tag("Auth")]
[ValidateIsAuthenticated]
public class ConfirmEmailWithCode : IPost, IReturn<EmptyResponse>
{
    /// <summary>The 6 digits from the email (spaces and dashes are ignored).</summary>
    public string? Code { get; set; }
}
