namespace BaaS;

/// <summary>
/// An <see cref="IEmailSender"/> could not deliver a message. Two kinds, told apart by <see cref="IsPermanent"/>:
/// <list type="bullet">
/// <item>the mail server is away or failing for now (cannot connect, timed out, a 4xx SMTP reply, refused sign-in):
/// answers <b>503</b> <c>EmailUnavailable</c> with <c>Retry-After</c>, and a queued email is retried;</item>
/// <item>the server refused this message for good (a 5xx SMTP reply to the recipient or the message): answers
/// <b>400</b> <c>EmailRejected</c>, and a queued email is not retried (a job fails at once on a 4xx).</item>
/// </list>
/// The message never holds the email's body or link; the cause (with host and port) is the inner exception, for the log.
/// </summary>
public sealed class EmailDeliveryException : Exception, IHasStatusCode, IHasErrorCode, IHasRetryAfter
{
    /// <summary>How long a client is asked to wait when the mail server is away: 30 seconds.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>A failure to deliver; <paramref name="permanent"/> when trying again cannot help.</summary>
    public EmailDeliveryException(string message, bool permanent, Exception? innerException = null) : base(message, innerException) =>
        IsPermanent = permanent;

    /// <summary>True when the server refused the message for good; false when it may go through later.</summary>
    public bool IsPermanent { get; }

    /// <inheritdoc />
    public int StatusCode => IsPermanent ? 400 : 503;

    /// <inheritdoc />
    public string ErrorCode => IsPermanent ? "EmailRejected" : "EmailUnavailable";

    /// <inheritdoc />
    public TimeSpan? RetryAfter => IsPermanent ? null : DefaultRetryAfter;
}
