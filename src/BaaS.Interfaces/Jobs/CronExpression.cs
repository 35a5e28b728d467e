namespace BaaS;

/// <summary>
/// A parsed cron expression, evaluated in UTC. Five fields (<c>minute hour day-of-month month day-of-week</c>, running
/// at second 0) or six (<c>second minute hour day-of-month month day-of-week</c>), or a macro (<c>@yearly</c>,
/// <c>@monthly</c>, <c>@weekly</c>, <c>@daily</c>, <c>@hourly</c>). Each field takes <c>*</c>, numbers, ranges
/// (<c>1-5</c>), lists (<c>1,15,30</c>) and steps (<c>*/15</c>, <c>10-50/20</c>, <c>5/10</c>); months take
/// <c>JAN</c>-<c>DEC</c>, days of week <c>SUN</c>-<c>SAT</c> (0 and 7 are Sunday); day-of-month takes <c>L</c> for the
/// last day of the month; <c>?</c> means <c>*</c> in the two day fields. When both day fields are restricted, a day
/// matches either (as in Unix cron). Parse errors name the field and the problem.
/// </summary>
public sealed partial class CronExpression
{
    private readonly ulong _seconds;
    private readonly ulong _minutes;
    private readonly uint _hours;
    private readonly uint _days;       // bits 1..31
    private readonly bool _lastDay;    // L in day-of-month
    private readonly ushort _months;   // bits 1..12
    private readonly byte _weekdays;   // bits 0..6, Sunday = 0
    private readonly bool _daysRestricted;
    private readonly bool _weekdaysRestricted;

    private CronExpression(string text, bool hasSeconds, ulong seconds, ulong minutes, uint hours, uint days, bool lastDay, bool daysRestricted,
        ushort months, byte weekdays, bool weekdaysRestricted)
    {
        Text = text;
        HasSeconds = hasSeconds;
        _seconds = seconds;
        _minutes = minutes;
        _hours = hours;
        _days = days;
        _lastDay = lastDay;
        _daysRestricted = daysRestricted;
        _months = months;
        _weekdays = weekdays;
        _weekdaysRestricted = weekdaysRestricted;
    }

    /// <summary>The expression as it was written (trimmed).</summary>
    public string Text { get; }

    /// <summary>True for a six-field expression (with a seconds field).</summary>
    public bool HasSeconds { get; }

    /// <summary>
    /// The first instant strictly after <paramref name="after"/> (UTC; a Local value is converted) that the expression
    /// matches, or null when there is none within ten years.
    /// </summary>
    public DateTime? NextAfter(DateTime after)
    {
        var utc = after.Kind == DateTimeKind.Local ? after.ToUniversalTime() : after;
        var t = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(1);
        var lastYear = t.Year + 10;
        while (t.Year <= lastYear)
        {
            if (!Has(_months, t.Month))
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
                continue;
            }
            if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
                continue;
            }
            if (!Has(_hours, t.Hour))
            {
                t = t.Date.AddHours(t.Hour + 1);
                continue;
            }
            if (!Has(_minutes, t.Minute))
            {
                t = t.Date.AddHours(t.Hour).AddMinutes(t.Minute + 1);
                continue;
            }
            var second = NextBit(_seconds, t.Second);
            if (second >= 0) return t.AddSeconds(second - t.Second);
            t = t.Date.AddHours(t.Hour).AddMinutes(t.Minute + 1);
        }
        return null;
    }

    /// <summary>Whether <paramref name="utc"/>, to the second, is an instant the expression matches.</summary>
    public bool Matches(DateTime utc) =>
        Has(_seconds, utc.Second) && Has(_minutes, utc.Minute) && Has(_hours, utc.Hour) && Has(_months, utc.Month) && DayMatches(utc);

    private bool DayMatches(DateTime t)
    {
        var day = Has(_days, t.Day) || (_lastDay && t.Day == DateTime.DaysInMonth(t.Year, t.Month));
        var weekday = Has(_weekdays, (int)t.DayOfWeek);
        return (_daysRestricted, _weekdaysRestricted) switch
        {
            (true, true) => day || weekday,
            (true, false) => day,
            (false, true) => weekday,
            _ => true,
        };
    }

    private static bool Has(ulong bits, int value) => (bits & (1UL << value)) != 0;

    private static int NextBit(ulong bits, int from)
    {
        var rest = bits >> from;
        return rest == 0 ? -1 : from + System.Numerics.BitOperations.TrailingZeroCount(rest);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
