namespace BaaS.Jobs;

/// <summary>
/// A unit of background work taking an argument: a class implementing it is a command that
/// <see cref="IBackgroundJobs.EnqueueCommand{TCommand}"/> queues. Each run gets a fresh instance from a fresh DI scope
/// (constructor injection works; <see cref="IJobContext"/> in the same scope describes the run).
/// </summary>
/// <example>
/// <code>
/// public class SendWelcomeEmail(IEmailSender email) : IAsyncCommand&lt;Welcome&gt;
/// {
///     public Task ExecuteAsync(Welcome arg, CancellationToken ct) => email.SendAsync(arg.To, "Welcome", ct);
/// }
/// </code>
/// </example>
/// <typeparam name="TArg">The argument, stored as JSON with the job.</typeparam>
public interface IAsyncCommand<in TArg>
{
    /// <summary>Does the work. The token fires when the job is cancelled, times out or the node shuts down.</summary>
    Task ExecuteAsync(TArg arg, CancellationToken cancellationToken);
}
