namespace BaaS;

/// <summary>An email to send: plain data, so a sender can queue it as it is.</summary>
public sealed class EmailMessage
{
    /// <summary>The recipient's address.</summary>
    public required string To { get; init; }

    /// <summary>The subject line.</summary>
    public required string Subject { get; init; }

    /// <summary>The plain-text body.</summary>
    public required string TextBody { get; init; }

    /// <summary>An HTML body, when there is one.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>What the message is, for templates and filters: <c>confirm-email</c>, <c>reset-password</c>, ...</summary>
    public string Kind { get; init; } = "";

    /// <summary>The link the message asks the recipient to open, when it has one.</summary>
    public string? Link { get; init; }

    /// <summary>The user the message is about, when there is one.</summary>
    public string? UserId { get; init; }
}
