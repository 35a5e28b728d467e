namespace BaaS.Jobs;

/// <summary>
/// A command with a result: the result is stored with the job as JSON and handed to the job's
/// <see cref="JobOptions.Callback"/> command, if it has one.
/// </summary>
/// <typeparam name="TArg">The argument, stored as JSON with the job.</typeparam>
/// <typeparam name="TResult">The result.</typeparam>
public interface IAsyncCommand<in TArg, TResult>
{
    /// <summary>Does the work and answers the result. The token fires when the job is cancelled, times out or the node shuts down.</summary>
    Task<TResult> ExecuteAsync(TArg arg, CancellationToken cancellationToken);
}
