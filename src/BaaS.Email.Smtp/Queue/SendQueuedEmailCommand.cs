using BaaS.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Email.Smtp;

/// <summary>
/// The job that sends a queued email through <see cref="SmtpEmailSender"/>. A server that is away fails the attempt
/// (503) and the jobs retry it with backoff, up to <see cref="SmtpOptions.QueueRetryLimit"/> times; a refusal for good
/// (400 <c>EmailRejected</c>) fails the job at once.
/// </summary>
// The job's services come from its scope rather than the constructor: the command is registered whether or not the
// app has jobs, and an app without them (whose container is validated in Development) has no IJobContext to give.
public sealed class SendQueuedEmailCommand(IServiceProvider services) : IAsyncCommand<QueuedEmail>
{
    /// <inheritdoc />
    public async Task ExecuteAsync(QueuedEmail arg, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arg);
        var message = services.GetRequiredService<EmailSeal>().Open(arg);
        await services.GetRequiredService<SmtpEmailSender>().SendAsync(message, cancellationToken).ConfigureAwait(false);
        services.GetRequiredService<IJobContext>().Log($"Sent the {message.Kind} email to {message.To}");
    }
}
