namespace BaaS;

/// <summary>
/// Emails a 6-digit code that signs in with <see cref="SignInWithCode"/> (passwordless sign-in). Answers the same
/// whether or not the address belongs to an account, so it cannot be used to find out who has one; one code per
/// address per <c>Auth:SignInCodes:ResendInterval</c> (429 otherwise). A new code replaces the one sent before.
/// </summary>
[Route("/auth/send-code")]
[Tag("Auth")]
public class SendSignInCode : IPost, IReturn<EmptyResponse>
{
    /// <summary>The account's email address.</summary>
    public string? Email { get; set; }
}
