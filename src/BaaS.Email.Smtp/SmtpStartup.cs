using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Email.Smtp;

/// <summary>Says once at startup where emails go (server, port, protection, queued or not); never the account or password.</summary>
internal sealed class SmtpStartup(IOptions<SmtpOptions> options, IServiceProvider services, ILogger<SmtpStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        SmtpLog.Configured(logger, o.Host!, o.EffectivePort, o.Security,
            SmtpServiceCollectionExtensions.Queues(services) ? "queued on the jobs (retried while the server is away)" : "during the request");
        // Resolved now so that a sender that cannot be built fails startup, not the first email.
        _ = services.GetRequiredService<IEmailSender>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
