namespace BaaS;

/// <summary>
/// Sends the confirmation email again. Answers the same whether or not the address belongs to an account, so it
/// cannot be used to find out who has one.
/// </summary>
[Tag("Auth")]
public class SendEmailConfirmation : IPost, IReturn<EmptyResponse>
{
    /// <summary>The account's email address.</summary>
    public string? Email { get; set; }
}
