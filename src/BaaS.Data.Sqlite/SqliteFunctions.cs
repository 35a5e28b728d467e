using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BaaS.Data.Sqlite;

/// <summary>
/// SQLite has no exact decimal type and folds case for ASCII only, so BaaS.Data registers these on every
/// native connection handle, once:
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

    /// <summary>
    /// Registers the collation and functions on an open connection's native handle. They stay on the handle for its
    /// whole life, so a pooled handle needs this once, not at every open: Microsoft.Data.Sqlite's own
    /// <c>CreateFunction</c> re-registers on every open and removes on every close, which cost a get by id more CPU
    /// than its query.
    /// </summary>
    public static void Register(SqliteConnection connection)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("Open the connection before registering functions on it.");
        Check(db, raw.sqlite3_create_collation(db, DecimalCollation, null, static (_, x, y) => CompareDecimalText(x, y)));
        Check(db, raw.sqlite3_create_function(db, "baas_dec_sum", 1, Deterministic, null, SumStep, SumFinal));
        Check(db, raw.sqlite3_create_function(db, "baas_dec_avg", 1, Deterministic, null, AverageStep, AverageFinal));
        Check(db, raw.sqlite3_create_function(db, "baas_dec_add", 2, Deterministic, null, static (ctx, _, args) => Scalar(ctx, args, static args =>
        {
            var (a, b) = (Text(args[0]), Text(args[1]));
            return a == null || b == null ? null : (ParseDecimal(a) + ParseDecimal(b)).ToString(CultureInfo.InvariantCulture);
        })));
        Check(db, raw.sqlite3_create_function(db, "baas_lower", 1, Deterministic, null, static (ctx, _, args) => Scalar(ctx, args, static args => Text(args[0])?.ToLowerInvariant())));
        Check(db, raw.sqlite3_create_function(db, "baas_upper", 1, Deterministic, null, static (ctx, _, args) => Scalar(ctx, args, static args => Text(args[0])?.ToUpperInvariant())));
    }

    private const int Deterministic = raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC;

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException($"SQLite could not register a BaaS function: {raw.sqlite3_errmsg(db).utf8_to_string()}", rc);
    }

    // A value as text, the way SQLite converts it (numbers print as text); NULL as null.
    private static string? Text(sqlite3_value value) =>
        raw.sqlite3_value_type(value) == raw.SQLITE_NULL ? null : raw.sqlite3_value_text(value).utf8_to_string();

    private static void Result(sqlite3_context ctx, string? value)
    {
        if (value == null) raw.sqlite3_result_null(ctx);
        else raw.sqlite3_result_text(ctx, value);
    }

    // An exception must not unwind through SQLite's native frames: it becomes the statement's error.
    // The computation is a static lambda over its state, so a call (once per row in a LIKE) allocates no closure.
    private static void Scalar<TState>(sqlite3_context ctx, TState state, Func<TState, string?> compute)
    {
        try { Result(ctx, compute(state)); }
        catch (Exception e) { raw.sqlite3_result_error(ctx, e.Message); }
    }

    // Aggregate state lives on the context: one per group of one statement.
    private sealed class DecimalAccumulator
    {
        public decimal Sum;
        public long Count;
        public Exception? Error;
    }

    private static void Accumulate(sqlite3_context ctx, sqlite3_value[] args)
    {
        var acc = ctx.state as DecimalAccumulator ?? (DecimalAccumulator)(ctx.state = new DecimalAccumulator());
        if (acc.Error != null) return;
        var text = Text(args[0]);
        if (text == null) return;
        try
        {
            acc.Sum += ParseDecimal(text);
            acc.Count++;
        }
        catch (Exception e) { acc.Error = e; }
    }

    private static void SumStep(sqlite3_context ctx, object userData, sqlite3_value[] args) => Accumulate(ctx, args);

    private static void AverageStep(sqlite3_context ctx, object userData, sqlite3_value[] args) => Accumulate(ctx, args);

    private static void SumFinal(sqlite3_context ctx, object userData) => Final(ctx, acc => acc.Sum.ToString(CultureInfo.InvariantCulture));

    private static void AverageFinal(sqlite3_context ctx, object userData) => Final(ctx, acc => (acc.Sum / acc.Count).ToString(CultureInfo.InvariantCulture));

    // SUM and AVG of no values (or only NULLs) are NULL, as with the built-ins.
    private static void Final(sqlite3_context ctx, Func<DecimalAccumulator, string> result)
    {
        var acc = ctx.state as DecimalAccumulator;
        if (acc?.Error != null) raw.sqlite3_result_error(ctx, acc.Error.Message);
        else if (acc == null || acc.Count == 0) raw.sqlite3_result_null(ctx);
        else Scalar(ctx, acc, result);
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
