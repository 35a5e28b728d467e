using Microsoft.Extensions.Logging;

namespace BaaS.RequestLogs;

/// <summary>Request logs' own log messages (event ids 5800-5819).</summary>
internal static partial class Log
{
    [LoggerMessage(5800, LogLevel.Warning, "Request logs dropped {Count} rows because the queue was full ({Dropped} since the node started, capacity {Capacity}); the calls were answered")]
    public static partial void Dropped(ILogger logger, long count, long dropped, int capacity);

    [LoggerMessage(5801, LogLevel.Warning, "Request logs could not write a batch of {Count} rows (attempt {Attempt}); retrying")]
    public static partial void WriteRetry(ILogger logger, int count, int attempt, Exception exception);

    [LoggerMessage(5802, LogLevel.Error, "Request logs lost a batch of {Count} rows: the database would not take it after {Attempts} attempts")]
    public static partial void WriteFailed(ILogger logger, int count, int attempts, Exception exception);

    [LoggerMessage(5803, LogLevel.Warning, "Request logs stopped with {Count} rows still queued: they were not written")]
    public static partial void LeftOnShutdown(ILogger logger, long count);

    [LoggerMessage(5804, LogLevel.Information, "Request logs retention deleted {Rows} rows, {Minutes} per-minute and {Hours} per-hour aggregates")]
    public static partial void RetentionDeleted(ILogger logger, long rows, long minutes, long hours);
}
