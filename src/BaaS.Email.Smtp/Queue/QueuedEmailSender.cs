using BaaS.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Email.Smtp;

/// <summary>
/// The <see cref="IEmailSender"/> when the app has jobs: checks the message (a header-adding recipient or subject is
/// refused now, 400), seals it and stores a <see cref="SendQueuedEmailCommand"/> job before returning. A request then
/// never waits for, or fails with, the mail server; the email survives restarts and is retried while the server is away.
/// </summary>
internal sealed class QueuedEmailSender(IServiceScopeFactory scopes, EmailSeal seal, IOptions<SmtpOptions> options, ILogger<QueuedEmailSender> logger)
    : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        SmtpMessages.Check(message);
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobs>();
        var queued = await jobs.EnqueueCommandAsync<SendQueuedEmailCommand>(seal.Seal(message),
            new JobOptions { RetryLimit = options.Value.QueueRetryLimit, Tag = "email" }, cancellationToken).ConfigureAwait(false);
        SmtpLog.Queued(logger, message.Kind, message.To, queued.RefId);
    }
}
