using System.Collections.Concurrent;

namespace BaaS.Auth.Tests.Infrastructure;

/// <summary>An <see cref="IEmailSender"/> that keeps every message, for tests to read the links.</summary>
public sealed class CapturingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> _sent = new();

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    public IReadOnlyList<EmailMessage> To(string address) => [.. _sent.Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase))];

    public EmailMessage Last(string address, string kind) =>
        To(address).LastOrDefault(m => m.Kind == kind) ?? throw new Xunit.Sdk.XunitException($"No '{kind}' email was sent to {address}.");
}
