using BaaS.Auth;

namespace BaaS.Redis.Tests.DenyList;

/// <summary>Who the caller is: any signed-in user, or an API key holding <c>notes:read</c>. Touches no database.</summary>
[ValidateIsAuthenticated, ApiKeyScope(DenyListApp.Scope)]
public class WhoAmI : IReturn<WhoAmIResponse>, IGet
{
}

/// <summary>For owners only.</summary>
[ValidateHasRole("Owner")]
public class OwnersOnly : IReturn<WhoAmIResponse>, IGet
{
}

/// <summary>Anyone may call it; it says who called, if anyone.</summary>
public class Hello : IReturn<WhoAmIResponse>, IGet
{
}

public class WhoAmIResponse
{
    public string? UserId { get; set; }
    public string? SessionId { get; set; }
    public List<string> Roles { get; set; } = [];
    public ResponseStatus? ResponseStatus { get; set; }
}

public class DenyListProbeServices : Service
{
    public WhoAmIResponse Get(WhoAmI request) => Describe();

    public WhoAmIResponse Get(OwnersOnly request) => Describe();

    public WhoAmIResponse Get(Hello request) => Describe();

    private WhoAmIResponse Describe() => new() { UserId = User.GetUserId(), SessionId = User.GetSessionId(), Roles = User.GetRoles() };
}

/// <summary>An <see cref="IEmailSender"/> that keeps every message, for tests to read the links.</summary>
public sealed class KeptEmails : IEmailSender
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<EmailMessage> _sent = new();

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    public EmailMessage Last(string address, string kind) =>
        _sent.LastOrDefault(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase) && m.Kind == kind)
        ?? throw new Xunit.Sdk.XunitException($"No '{kind}' email was sent to {address}.");
}
