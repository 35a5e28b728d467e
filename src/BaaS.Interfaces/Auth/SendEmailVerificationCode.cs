namespace BaaS;

/// <summary>
/// Emails the signed-in user a 6-digit code that confirms their email address with <see cref="ConfirmEmailWithCode"/>
/// (the code flow beside the link that <see cref="SendEmailConfirmation"/> sends). A new code replaces the one sent before.
/// </summary>
[Route("/auth/confirm-email/send-code")]
[Tag("Auth")]
[ValidateIsAuthenticated]
public class SendEmailVerificationCode : IPost, IReturn<EmptyResponse>;
