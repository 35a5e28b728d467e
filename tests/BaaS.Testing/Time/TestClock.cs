namespace BaaS.Testing;

/// <summary>
/// The system clock moved by an offset the test sets: expiry is tested by moving time, not by waiting. Register it as
/// the app's <see cref="TimeProvider"/>; unlike a frozen fake clock, time still passes, so timers and polling keep working.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far ahead of the system clock (or behind, when negative) this clock is.</summary>
    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    /// <summary>Moves the clock for the lifetime of the returned scope.</summary>
    public IDisposable Advance(TimeSpan by)
    {
        var before = Offset;
        Offset = before + by;
        return new Restore(this, before);
    }

    private sealed class Restore(TestClock clock, TimeSpan offset) : IDisposable
    {
        public void Dispose() => clock.Offset = offset;
    }
}
