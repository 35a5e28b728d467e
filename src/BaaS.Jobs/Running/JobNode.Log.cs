using Microsoft.Extensions.Logging;

namespace BaaS.Jobs;

internal sealed partial class JobNode
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Jobs node {Node} started, running up to {Concurrency} jobs at once")]
    private static partial void LogStarted(ILogger logger, string node, int concurrency);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Jobs node {Node} stopped")]
    private static partial void LogStopped(ILogger logger, string node);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Shutting down: {Count} running job(s) have {Grace} to finish")]
    private static partial void LogDraining(ILogger logger, int count, TimeSpan grace);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Job {JobId} went back to the queue as node {Node} shut down")]
    private static partial void LogReleased(ILogger logger, long jobId, string node);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Could not give job {JobId} back to the queue; its lease will expire instead")]
    private static partial void LogReleaseFailed(ILogger logger, long jobId, Exception exception);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Job {JobId} ended on node {Node}, which no longer held its lease: another node runs it, and records it")]
    private static partial void LogNotRecorded(ILogger logger, long jobId, string node);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "Job {JobId} was stopped on node {Node}: another node took its lease over")]
    private static partial void LogLeaseLost(ILogger logger, long jobId, string node);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Error, Message = "Running job {JobId} failed outside its command")]
    private static partial void LogRunFailed(ILogger logger, long jobId, Exception exception);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Error, Message = "The jobs {Loop} loop failed; it tries again")]
    private static partial void LogLoopFailed(ILogger logger, string loop, Exception exception);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Warning, Message = "Ended {Count} job(s) whose node stopped renewing their lease and that may not run again")]
    private static partial void LogDeadJobs(ILogger logger, int count);

    [LoggerMessage(EventId = 7013, Level = LogLevel.Warning, Message = "Queued {Count} job(s) again whose node stopped renewing their lease")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Debug, Message = "Moved {Count} finished job(s) to the archive")]
    private static partial void LogArchived(ILogger logger, int count);
}
