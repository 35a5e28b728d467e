using Microsoft.Extensions.Logging;

namespace BaaS.RateLimiting;

/// <summary>The rate limits' log messages (event ids 3200-3219), source-generated.</summary>
internal static partial class RateLimitLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning,
        Message = "The rate-limit counters cannot be reached: fail-open policies let calls through uncounted, fail-closed ones answer 503 ({Occurrences} such calls since the last report, the last under '{Policy}'): {Reason}")]
    public static partial void CountersUnavailable(ILogger logger, string policy, long occurrences, string reason);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information,
        Message = "Refused {Occurrences} calls over their rate limit since the last report; the last: {Operation} under '{Policy}' for {Partition}")]
    public static partial void Refused(ILogger logger, long occurrences, string operation, string policy, string partition);
}
