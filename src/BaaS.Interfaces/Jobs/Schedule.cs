using System.Globalization;
using System.Text;

namespace BaaS;

/// <summary>
/// When a recurring job runs: a cron expression (<see cref="CronExpression"/>, UTC) or a fixed interval. Written as text
/// it is the cron expression, a macro (<c>@daily</c>), or <c>@every</c> with an interval (<c>@every 30s</c>,
/// <c>@every 1h30m</c>, <c>@every 500ms</c>; units d, h, m, s, ms).
/// </summary>
public sealed class Schedule
{
    private Schedule(string text, CronExpression? cron, TimeSpan? interval)
    {
        Text = text;
        Cron = cron;
        Interval = interval;
    }

    /// <summary>The schedule as text, in the form <see cref="Parse"/> reads.</summary>
    public string Text { get; }

    /// <summary>The cron expression, or null for an interval.</summary>
    public CronExpression? Cron { get; }

    /// <summary>The interval, or null for a cron expression.</summary>
    public TimeSpan? Interval { get; }

    /// <summary>A cron schedule: <c>Schedule.FromCron("0 3 * * *")</c> runs at 03:00 UTC every day.</summary>
    /// <exception cref="FormatException">The expression is malformed.</exception>
    public static Schedule FromCron(string expression)
    {
        var cron = CronExpression.Parse(expression);
        return new Schedule(cron.Text, cron, null);
    }

    /// <summary>A fixed interval: the first run one interval after registration, then every interval.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is shorter than a millisecond (the scheduler's resolution).</exception>
    public static Schedule Every(TimeSpan interval)
    {
        if (interval < TimeSpan.FromMilliseconds(1))
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "An interval must be at least 1 ms.");
        var whole = TimeSpan.FromMilliseconds(Math.Floor(interval.TotalMilliseconds));
        return new Schedule("@every " + FormatInterval(whole), null, whole);
    }

    /// <summary>Reads a schedule written as text (see the type's summary).</summary>
    /// <exception cref="FormatException">The text is neither a cron expression nor an interval.</exception>
    public static Schedule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("@every", StringComparison.OrdinalIgnoreCase)) return FromCron(trimmed);
        var interval = ParseInterval(trimmed[6..].Trim());
        if (interval is null || interval < TimeSpan.FromMilliseconds(1))
            throw new FormatException($"'{trimmed}' is not an interval: write @every followed by amounts with units d, h, m, s or ms, e.g. '@every 1h30m'.");
        return Every(interval.Value);
    }

    /// <summary>The next run after <paramref name="utc"/>: the next cron match, or <paramref name="utc"/> plus the interval.</summary>
    public DateTime? NextAfter(DateTime utc) => Cron is not null ? Cron.NextAfter(utc) : utc + Interval!.Value;

    /// <inheritdoc />
    public override string ToString() => Text;

    private static TimeSpan? ParseInterval(string text)
    {
        if (text.Length == 0) return null;
        var total = TimeSpan.Zero;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == start || !long.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return null;
            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
            var unit = text[unitStart..i].ToLowerInvariant();
            TimeSpan part;
            try
            {
                part = unit switch
                {
                    "d" => TimeSpan.FromDays(amount),
                    "h" => TimeSpan.FromHours(amount),
                    "m" => TimeSpan.FromMinutes(amount),
                    "s" => TimeSpan.FromSeconds(amount),
                    "ms" => TimeSpan.FromMilliseconds(amount),
                    _ => TimeSpan.MinValue,
                };
            }
            catch (OverflowException)
            {
                return null;
            }
            if (part == TimeSpan.MinValue) return null;
            if (TimeSpan.MaxValue - total < part) return null;
            total += part;
            while (i < text.Length && text[i] == ' ') i++;
        }
        return total;
    }

    private static string FormatInterval(TimeSpan interval)
    {
        var sb = new StringBuilder();
        void Add(long amount, string unit)
        {
            if (amount > 0) sb.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
        Add(interval.Days, "d");
        Add(interval.Hours, "h");
        Add(interval.Minutes, "m");
        Add(interval.Seconds, "s");
        Add(interval.Milliseconds, "ms");
        return sb.ToString();
    }
}
