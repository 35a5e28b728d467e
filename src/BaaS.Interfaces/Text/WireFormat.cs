using System.Globalization;

namespace BaaS.Text;

/// <summary>
/// Text forms of the wire's scalar values, shared by the JSON converters, the server's query-string binding and the
/// clients' query-string writing, so a value reads the same from every source.
/// </summary>
public static class WireFormat
{
    private const string WcfDatePrefix = "/Date(";

    /// <summary>
    /// Reads a DateTime: ISO-8601 (with Z or an offset: a UTC value; without: an unspecified one) or
    /// <c>/Date(ms)/</c> / <c>/Date(ms+hhmm)/</c> (UTC).
    /// </summary>
    public static bool TryParseDateTime(ReadOnlySpan<char> text, out DateTime value)
    {
        text = text.Trim();
        if (text.StartsWith(WcfDatePrefix, StringComparison.Ordinal))
        {
            var ok = TryParseWcfDate(text, out var offsetValue);
            value = ok ? offsetValue.UtcDateTime : default;
            return ok;
        }
        if (HasZone(text))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withZone))
            {
                value = withZone.UtcDateTime;
                return true;
            }
            value = default;
            return false;
        }
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value) && LooksIso(text);
    }

    /// <summary>Reads a DateTimeOffset from ISO-8601 (no offset means UTC) or <c>/Date(ms+hhmm)/</c>.</summary>
    public static bool TryParseDateTimeOffset(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        text = text.Trim();
        if (text.StartsWith(WcfDatePrefix, StringComparison.Ordinal))
            return TryParseWcfDate(text, out value);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value) && LooksIso(text);
    }

    /// <summary>Writes a DateTime as ISO-8601 round-trip; local times are converted to UTC first.</summary>
    /// <returns>The number of characters written to <paramref name="destination"/> (at least 33 long).</returns>
    public static int FormatDateTime(DateTime value, Span<char> destination)
    {
        if (value.Kind == DateTimeKind.Local) value = value.ToUniversalTime();
        value.TryFormat(destination, out var written, "o", CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>Writes a DateTime as ISO-8601 round-trip; local times are converted to UTC first.</summary>
    public static string FormatDateTime(DateTime value)
    {
        Span<char> buffer = stackalloc char[40];
        return new string(buffer[..FormatDateTime(value, buffer)]);
    }

    /// <summary>Writes a DateOnly as <c>2026-11-22</c>.</summary>
    public static string FormatDateOnly(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Writes a TimeOnly as <c>18:30:00</c>, with fractions of a second only when present.</summary>
    public static string FormatTimeOnly(TimeOnly value) => value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>Reads an XSD duration (<c>P1DT2H30M15.5S</c>, <c>-PT5M</c>) or a .NET TimeSpan (<c>1.02:30:15</c>).</summary>
    public static bool TryParseTimeSpan(ReadOnlySpan<char> text, out TimeSpan value)
    {
        text = text.Trim();
        var negative = text.StartsWith("-");
        var body = negative ? text[1..] : text;
        if (body.Length > 1 && (body[0] == 'P' || body[0] == 'p'))
        {
            var ok = TryParseXsdDuration(body[1..], out value);
            if (ok && negative) value = value.Negate();
            return ok;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Writes an XSD duration: <c>PT1H30M</c>, <c>P2DT0.5S</c>, <c>PT0S</c>.</summary>
    public static string FormatTimeSpan(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "PT0S";
        var sb = new System.Text.StringBuilder(24);
        if (value < TimeSpan.Zero) { sb.Append('-'); value = value.Duration(); }
        sb.Append('P');
        if (value.Days > 0) sb.Append(value.Days).Append('D');
        var ticksInDay = value.Ticks % TimeSpan.TicksPerDay;
        if (ticksInDay > 0)
        {
            sb.Append('T');
            if (value.Hours > 0) sb.Append(value.Hours).Append('H');
            if (value.Minutes > 0) sb.Append(value.Minutes).Append('M');
            var secondTicks = ticksInDay % TimeSpan.TicksPerMinute;
            if (secondTicks > 0)
            {
                var seconds = secondTicks / (decimal)TimeSpan.TicksPerSecond;
                sb.Append(seconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append('S');
            }
        }
        return sb.ToString();
    }

    /// <summary>True for enums that travel as numbers: <c>[Flags]</c> enums and enums marked <c>[EnumAsInt]</c>.</summary>
    public static bool IsNumericEnum(Type enumType) =>
        enumType.IsDefined(typeof(FlagsAttribute), false) || enumType.IsDefined(typeof(DataAnnotations.EnumAsIntAttribute), false);

    /// <summary>Cuts a value quoted in an error message to a readable length.</summary>
    public static string Clip(string text, int max = 60) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "...");

    private static bool TryParseXsdDuration(ReadOnlySpan<char> s, out TimeSpan value)
    {
        // s is what follows 'P': [nW][nD][T[nH][nM][nS]]
        value = default;
        long ticks = 0;
        var inTime = false;
        var any = false;
        while (s.Length > 0)
        {
            if (s[0] is 'T' or 't')
            {
                if (inTime) return false;
                inTime = true;
                s = s[1..];
                continue;
            }
            var i = 0;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (i == 0 || i == s.Length) return false;
            if (!decimal.TryParse(s[..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) return false;
            var unit = char.ToUpperInvariant(s[i]);
            decimal unitTicks = (inTime, unit) switch
            {
                (false, 'W') => TimeSpan.TicksPerDay * 7,
                (false, 'D') => TimeSpan.TicksPerDay,
                (true, 'H') => TimeSpan.TicksPerHour,
                (true, 'M') => TimeSpan.TicksPerMinute,
                (true, 'S') => TimeSpan.TicksPerSecond,
                _ => -1, // years and months have no fixed length
            };
            if (unitTicks < 0) return false;
            try { ticks = checked(ticks + (long)(n * unitTicks)); }
            catch (OverflowException) { return false; }
            any = true;
            s = s[(i + 1)..];
        }
        if (!any) return false;
        value = TimeSpan.FromTicks(ticks);
        return true;
    }

    private static bool TryParseWcfDate(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        // /Date(1763807400000)/ or /Date(1763807400000+0100)/ or /Date(-1000-0500)/
        value = default;
        if (!text.EndsWith(")/", StringComparison.Ordinal)) return false;
        var inner = text[WcfDatePrefix.Length..^2];
        var zoneAt = -1;
        for (var i = 1; i < inner.Length; i++)
            if (inner[i] is '+' or '-') { zoneAt = i; break; }
        var msText = zoneAt < 0 ? inner : inner[..zoneAt];
        if (!long.TryParse(msText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)) return false;
        var offset = TimeSpan.Zero;
        if (zoneAt >= 0)
        {
            var zone = inner[zoneAt..];
            if (zone.Length != 5 || !int.TryParse(zone[1..3], CultureInfo.InvariantCulture, out var h) ||
                !int.TryParse(zone[3..5], CultureInfo.InvariantCulture, out var m)) return false;
            offset = new TimeSpan(h, m, 0);
            if (zone[0] == '-') offset = offset.Negate();
        }
        try
        {
            value = DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(offset);
            return true;
        }
        catch (ArgumentOutOfRangeException) { return false; }
    }

    // Only ISO-like text: refuse culture formats such as "11/22/2026" that DateTime.TryParse would also accept.
    private static bool LooksIso(ReadOnlySpan<char> text) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[3]) && text[4] == '-' && text[7] == '-';

    private static bool HasZone(ReadOnlySpan<char> text)
    {
        if (text.Length == 0) return false;
        if (text[^1] is 'Z' or 'z') return true;
        var t = text.IndexOfAny('T', ' ');
        if (t < 0) return false;
        var time = text[(t + 1)..];
        return time.IndexOfAny('+', '-') >= 0;
    }
}
