using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BaaS.Data.Sqlite;

/// <summary>
/// SQLite has no exact decimal type and folds case for ASCII only, so BaaS.Data registers these on every
/// connection:
/// <list type="bullet">
/// <item><c>BAAS_DECIMAL</c>: a collation comparing decimal text by value ("10" &gt; "9.5", "1.0" = "1"); decimal
/// columns are declared <c>TEXT COLLATE BAAS_DECIMAL</c>, so =, &lt;, ORDER BY, MIN/MAX, IN and indexes compare
/// numerically while the stored text keeps every digit.</item>
/// <item><c>baas_dec_sum</c>, <c>baas_dec_avg</c>: exact SUM and AVG of decimal text (the built-ins go through
/// floating point).</item>
/// <item><c>baas_dec_add</c>: exact addition, for UpdateAdd.</item>
/// <item><c>baas_lower</c>, <c>baas_upper</c>: Unicode case mapping, for case-insensitive LIKE and ToLower/ToUpper.</item>
/// </list>
/// The cost: a database file with decimal columns needs these to be queried with those operators outside BaaS.Data
/// (the sqlite3 shell reports "no such collation sequence").
/// </summary>
public static class SqliteFunctions
{
    /// <summary>The name of the decimal collation.</summary>
    public const string DecimalCollation = "BAAS_DECIMAL";

    /// <summary>Registers the collation and functions on a connection (before or after it is opened).</summary>
    public static void Register(SqliteConnection connection)
    {
        connection.CreateCollation(DecimalCollation, CompareDecimalText);
        connection.CreateAggregate<string?, decimal?, string?>("baas_dec_sum", null,
            (sum, value) => value == null ? sum : (sum ?? 0m) + ParseDecimal(value),
            sum => sum?.ToString(CultureInfo.InvariantCulture), isDeterministic: true);
        connection.CreateAggregate<string?, (decimal Sum, long Count), string?>("baas_dec_avg", (0m, 0L),
            (acc, value) => value == null ? acc : (acc.Sum + ParseDecimal(value), acc.Count + 1),
            acc => acc.Count == 0 ? null : (acc.Sum / acc.Count).ToString(CultureInfo.InvariantCulture), isDeterministic: true);
        connection.CreateFunction<string?, string?, string?>("baas_dec_add",
            (a, b) => a == null || b == null ? null : (ParseDecimal(a) + ParseDecimal(b)).ToString(CultureInfo.InvariantCulture),
            isDeterministic: true);
        connection.CreateFunction<string?, string?>("baas_lower", s => s?.ToLowerInvariant(), isDeterministic: true);
        connection.CreateFunction<string?, string?>("baas_upper", s => s?.ToUpperInvariant(), isDeterministic: true);
    }

    /// <summary>
    /// Orders decimal text by value. Text that is not a number (written by something else) sorts after all numbers,
    /// by ordinal comparison, so the order stays total and an index stays consistent.
    /// </summary>
    public static int CompareDecimalText(string? x, string? y)
    {
        var xOk = decimal.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var a);
        var yOk = decimal.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var b);
        if (xOk && yOk) return a.CompareTo(b);
        if (xOk) return -1;
        if (yOk) return 1;
        return string.CompareOrdinal(x, y);
    }

    private static decimal ParseDecimal(string s) => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
