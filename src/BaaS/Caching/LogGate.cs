namespace BaaS.Caching;

/// <summary>
/// Lets one log line through per interval and counts the occurrences in between, so a store that is down for a minute
/// writes a few lines, not one per request.
/// </summary>
internal sealed class LogGate(TimeProvider time, TimeSpan interval)
{
    private long _nextTicks;
    private long _count;

    /// <summary>Counts one occurrence; true (with the occurrences since the last line, this one included) when it may be logged.</summary>
    public bool Pass(out long occurrences)
    {
        Interlocked.Increment(ref _count);
        occurrences = 0;
        var now = time.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextTicks);
        if (now < next || Interlocked.CompareExchange(ref _nextTicks, now + interval.Ticks, next) != next) return false;
        occurrences = Interlocked.Exchange(ref _count, 0);
        return true;
    }
}
