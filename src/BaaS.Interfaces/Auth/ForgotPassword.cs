namespace BaaS;

/// <summary>
/// Emails a password-reset link. Answers the same whether or not the address belongs to an account.
/// </summary>
[Tag("Auth")]
public class ForgotPassword : IPost, IReturn<EmptyResponse>
{
    /// <summary>The account's email address.</summary>
    public string? Email { get; set; }
}
