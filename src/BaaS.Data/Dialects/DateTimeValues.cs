using System.Globalization;

namespace BaaS.Data;

/// <summary>
/// The rules for DateTime: every value is stored as UTC. A <see cref="DateTimeKind.Local"/> value is converted to
/// UTC; an <see cref="DateTimeKind.Unspecified"/> one is taken to be UTC already. Values read back are always
/// <see cref="DateTimeKind.Utc"/>. Text storage (SQLite) is <c>yyyy-MM-dd HH:mm:ss.fffffff</c>: fixed width, so
/// text order is time order.
/// </summary>
internal static class DateTimeValues
{
    public const string TextFormat = "yyyy-MM-dd HH:mm:ss.fffffff";

    public static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    public static string ToText(DateTime value) => AsUtc(value).ToString(TextFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses the storage format fast, and anything ISO-like (e.g. SQLite's own CURRENT_TIMESTAMP) as UTC.</summary>
    public static DateTime ParseUtc(string s)
    {
        if (s.Length == TextFormat.Length && TryParseFixed(s, out var fast)) return fast;
        return DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    // yyyy-MM-dd HH:mm:ss.fffffff without the general parser: this runs once per date column per row.
    private static bool TryParseFixed(string s, out DateTime value)
    {
        value = default;
        if (s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' || s[19] != '.') return false;
        if (!Digits(s, 0, 4, out var y) || !Digits(s, 5, 2, out var mo) || !Digits(s, 8, 2, out var d)
            || !Digits(s, 11, 2, out var h) || !Digits(s, 14, 2, out var mi) || !Digits(s, 17, 2, out var sec)
            || !Digits(s, 20, 7, out var frac)) return false;
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59 || y < 1) return false;
        value = new DateTime(y, mo, d, h, mi, sec, DateTimeKind.Utc).AddTicks(frac);
        return true;
    }

    private static bool Digits(string s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i] - '0';
            if ((uint)c > 9) return false;
            value = value * 10 + c;
        }
        return true;
    }
}
