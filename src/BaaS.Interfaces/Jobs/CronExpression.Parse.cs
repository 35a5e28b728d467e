using System.Globalization;

namespace BaaS;

public sealed partial class CronExpression
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
    };

    private sealed record FieldSpec(string Name, int Min, int Max, string[]? Names = null, int NameBase = 0, bool AllowLast = false, bool AllowAny = false);

    private static readonly FieldSpec Second = new("second", 0, 59);
    private static readonly FieldSpec Minute = new("minute", 0, 59);
    private static readonly FieldSpec Hour = new("hour", 0, 23);
    private static readonly FieldSpec DayOfMonth = new("day-of-month", 1, 31, AllowLast: true, AllowAny: true);
    private static readonly FieldSpec Month = new("month", 1, 12, MonthNames, NameBase: 1);
    private static readonly FieldSpec DayOfWeek = new("day-of-week", 0, 7, DayNames, AllowAny: true);

    /// <summary>Parses an expression (see the type's summary for the syntax).</summary>
    /// <exception cref="FormatException">The expression is malformed, naming the field and the problem, or it never matches a date.</exception>
    public static CronExpression Parse(string expression) =>
        TryParse(expression, out var cron, out var error) ? cron : throw new FormatException(error);

    /// <summary>Parses an expression; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? expression, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CronExpression? cron, out string? error)
    {
        cron = null;
        var text = expression?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = "A cron expression cannot be empty: write 5 fields (minute hour day month weekday) or 6 (with seconds first).";
            return false;
        }
        var source = Macros.TryGetValue(text, out var expanded) ? expanded : text;
        if (source.StartsWith('@'))
        {
            error = $"Unknown cron macro '{text}': use @yearly, @monthly, @weekly, @daily or @hourly.";
            return false;
        }
        var fields = source.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
        {
            error = $"Cron expression '{text}' has {fields.Length} field(s): write 5 (minute hour day month weekday) or 6 (second minute hour day month weekday).";
            return false;
        }
        var offset = fields.Length - 5;
        var specs = new[] { Minute, Hour, DayOfMonth, Month, DayOfWeek };
        var parsed = new (ulong Bits, bool Any, bool Last)[5];
        ulong seconds = 1;
        if (offset == 1 && !TryParseField(fields[0], Second, out seconds, out _, out _, out error))
        {
            error = $"Cron expression '{text}': {error}";
            return false;
        }
        for (var i = 0; i < 5; i++)
        {
            if (!TryParseField(fields[i + offset], specs[i], out var bits, out var any, out var last, out error))
            {
                error = $"Cron expression '{text}': {error}";
                return false;
            }
            parsed[i] = (bits, any, last);
        }
        // 7 is Sunday too.
        var weekdays = parsed[4].Bits;
        if ((weekdays & (1UL << 7)) != 0) weekdays = (weekdays | 1UL) & ~(1UL << 7);
        var result = new CronExpression(text, offset == 1, seconds, parsed[0].Bits, (uint)parsed[1].Bits, (uint)parsed[2].Bits, parsed[2].Last,
            !parsed[2].Any, (ushort)parsed[3].Bits, (byte)weekdays, !parsed[4].Any);
        if (result.NextAfter(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)) is null)
        {
            error = $"Cron expression '{text}' never matches a date (for example day 30 or 31 of February).";
            return false;
        }
        cron = result;
        error = null;
        return true;
    }

    private static bool TryParseField(string text, FieldSpec spec, out ulong bits, out bool any, out bool last, out string? error)
    {
        bits = 0;
        last = false;
        any = text is "*" || (spec.AllowAny && text is "?");
        error = null;
        foreach (var item in text.Split(','))
        {
            if (item.Length == 0)
            {
                error = $"the {spec.Name} field '{text}' has an empty list item.";
                return false;
            }
            var slash = item.IndexOf('/');
            var range = slash < 0 ? item : item[..slash];
            var step = 1;
            if (slash >= 0)
            {
                var stepText = item[(slash + 1)..];
                if (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1 || step > spec.Max)
                {
                    error = $"the {spec.Name} field has step '{stepText}': a step is a whole number from 1 to {spec.Max}.";
                    return false;
                }
            }
            int low, high;
            if (range is "*" || (spec.AllowAny && range is "?"))
            {
                (low, high) = (spec.Min, spec.Max == 7 ? 6 : spec.Max);
            }
            else if (range.Equals("L", StringComparison.OrdinalIgnoreCase))
            {
                if (!spec.AllowLast || slash >= 0)
                {
                    error = spec.AllowLast
                        ? "'L' (the last day of the month) takes no step."
                        : $"'L' is only allowed in the day-of-month field, not in the {spec.Name} field.";
                    return false;
                }
                last = true;
                continue;
            }
            else
            {
                var dash = range.IndexOf('-', 1);
                if (dash < 0)
                {
                    if (!TryValue(range, spec, out low, out error)) return false;
                    high = slash >= 0 ? (spec.Max == 7 ? 6 : spec.Max) : low;
                }
                else
                {
                    if (!TryValue(range[..dash], spec, out low, out error) || !TryValue(range[(dash + 1)..], spec, out high, out error)) return false;
                    if (low > high)
                    {
                        error = $"the {spec.Name} range '{range}' runs backwards: write it as two ranges, e.g. '{range[..dash]}-{spec.Max},{spec.Min}-{range[(dash + 1)..]}'.";
                        return false;
                    }
                }
            }
            for (var v = low; v <= high; v += step) bits |= 1UL << v;
        }
        return true;
    }

    private static bool TryValue(string text, FieldSpec spec, out int value, out string? error)
    {
        error = null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            if (value >= spec.Min && value <= spec.Max) return true;
            error = $"the {spec.Name} value {value} is out of range {spec.Min}-{spec.Max}.";
            return false;
        }
        if (spec.Names is not null)
        {
            var index = Array.FindIndex(spec.Names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                value = index + spec.NameBase;
                return true;
            }
        }
        error = spec.Names is null
            ? $"the {spec.Name} field has '{text}', which is not a number from {spec.Min} to {spec.Max}."
            : $"the {spec.Name} field has '{text}', which is not a number from {spec.Min} to {spec.Max} or a name ({string.Join(", ", spec.Names)}).";
        return false;
    }
}
