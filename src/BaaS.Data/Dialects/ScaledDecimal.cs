namespace BaaS.Data;

/// <summary>
/// Exact conversions between a decimal and the integer that holds it times 10^scale (a scaled integer), as SQLite
/// stores a decimal with <c>[DecimalLength(p, s)]</c> and p &lt;= 18: 12.5 at scale 2 is 1250, and 1250 reads back
/// as 12.50.
/// </summary>
internal static class ScaledDecimal
{
    /// <summary>The largest precision stored as a scaled integer: 10^18 - 1 fits a 64-bit integer.</summary>
    public const int MaxPrecision = 18;

    private static readonly decimal[] Powers = Enumerable.Range(0, 29).Select(Power).ToArray();

    private static decimal Power(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++) p *= 10m;
        return p;
    }

    /// <summary>10^<paramref name="n"/>, for n from 0 to 28.</summary>
    public static decimal Pow10(int n) => Powers[n];

    /// <summary>
    /// <paramref name="value"/> rounded to <paramref name="scale"/> decimals (half away from zero, as PostgreSQL's
    /// numeric does) and carrying exactly that many decimals (1.5 at scale 2 is 1.50).
    /// </summary>
    public static decimal Round(decimal value, int scale)
    {
        var rounded = decimal.Round(value, scale, MidpointRounding.AwayFromZero);
        // Adding a zero with the target scale raises the scale of a shorter value without changing it.
        return rounded + new decimal(0, 0, 0, false, (byte)scale);
    }

    /// <summary>
    /// The scaled integer of a value that is already rounded to <paramref name="scale"/>: 12.50 at scale 2 is 1250.
    /// </summary>
    public static long ToScaled(decimal rounded, int scale) => decimal.ToInt64(rounded * Powers[scale]);

    /// <summary>The decimal a scaled integer holds, with exactly <paramref name="scale"/> decimals: 1250 at scale 2 is 12.50.</summary>
    public static decimal FromScaled(long scaled, int scale)
    {
        var negative = scaled < 0;
        // |long.MinValue| does not fit a long: go through ulong.
        var magnitude = negative ? (ulong)(-(scaled + 1)) + 1 : (ulong)scaled;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, (byte)scale);
    }

    /// <summary>
    /// The scaled integers just below and above <paramref name="value"/> (equal when the value has at most
    /// <paramref name="scale"/> decimals), clamped to the 64-bit range: what a comparison binds so that
    /// <c>price &gt; 500.005</c> stays exact against integers (<c>price_scaled &gt; 50000</c>), never rounded.
    /// </summary>
    public static (long Floor, long Ceiling) Bounds(decimal value, int scale)
    {
        decimal m;
        try
        {
            m = value * Powers[scale];
        }
        catch (OverflowException)
        {
            m = value > 0 ? decimal.MaxValue : decimal.MinValue;
        }
        return (Clamp(decimal.Floor(m)), Clamp(decimal.Ceiling(m)));
    }

    // Every stored value is below 10^18 in magnitude, so a bound beyond the 64-bit range compares like the range's end.
    private static long Clamp(decimal d) => d >= long.MaxValue ? long.MaxValue : d <= long.MinValue ? long.MinValue : (long)d;
}
