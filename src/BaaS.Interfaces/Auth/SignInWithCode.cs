namespace BaaS;

/// <summary>
/// Signs in with the code <see cref="SendSignInCode"/> emailed: answers what a password sign-in answers (tokens, and
/// the <c>ss-tok</c> / <c>ss-reftok</c> cookies). A code works once, for 10 minutes, and 5 wrong codes void it (by default).
/// </summary>
[Route("/auth/code")]
[Tag("Auth")]
public class SignInWithCode : IPost, IReturn<AuthenticateResponse>
{
    /// <summary>The email address the code was sent to.</summary>
    public string? Email { get; set; }

    /// <summary>The 6 digits from the email (spaces and dashes are ignored).</summary>
    public string? Code { get; set; }

    /// <summary>Keep the token cookies after the browser closes (persistent cookies).</summary>
    public bool? RememberMe { get; set; }

    /// <summary>Answer with the token cookies only: the body leaves out the tokens, so page scripts never see them.</summary>
    public bool? UseTokenCookie { get; set; }
}
