namespace BaaS.Data;

/// <summary>
/// One aggregate to compute over a query's rows: a function from the closed <see cref="AggregateFunction"/> set and
/// a field name validated against the query's tables. <see cref="Parse"/> reads the <c>Sum(Rating)</c> form.
/// </summary>
/// <param name="Function">The aggregate function.</param>
/// <param name="FieldName">The field, or null for <c>COUNT(*)</c>.</param>
public sealed record AggregateSpec(AggregateFunction Function, string? FieldName = null)
{
    /// <summary>The key of the result: <c>Count(*)</c>, <c>Sum(Rating)</c>.</summary>
    public string Label => $"{Function}({FieldName ?? "*"})";

    /// <summary>Parses <c>Count(*)</c>, <c>count</c>, <c>Sum(Rating)</c>, <c>max(Total)</c> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Not one of COUNT, SUM, AVG, MIN, MAX, or malformed.</exception>
    public static AggregateSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        var open = s.IndexOf('(');
        var name = open < 0 ? s : s[..open].Trim();
        string? field = null;
        if (open >= 0)
        {
            if (!s.EndsWith(')')) throw new ArgumentException($"'{Shorten(text)}' is not an aggregate like Sum(Field).", nameof(text));
            field = s[(open + 1)..^1].Trim();
            if (field is "" or "*") field = null;
        }
        if (!Enum.TryParse<AggregateFunction>(name, ignoreCase: true, out var fn) || !Enum.IsDefined(fn) || int.TryParse(name, out _))
            throw new ArgumentException($"'{Shorten(name)}' is not an aggregate; use Count, Sum, Avg, Min or Max.", nameof(text));
        return new AggregateSpec(fn, field);
    }

    /// <summary>
    /// Whether <paramref name="function"/> may run over a field of <paramref name="kind"/>, the same on every database:
    /// Count takes any field; Sum and Avg take numbers; Min and Max take numbers, dates and times, and text (compared
    /// by code point on every database). Booleans, Guids, enums, bytes and JSON are refused by all but Count: their
    /// sums are meaningless and their order differs between databases (PostgreSQL has no MAX of a boolean or a uuid,
    /// SQLite compares whatever it stored).
    /// </summary>
    public static bool Accepts(AggregateFunction function, DataKind kind) => function switch
    {
        AggregateFunction.Count => true,
        AggregateFunction.Sum or AggregateFunction.Avg => IsNumber(kind),
        AggregateFunction.Min or AggregateFunction.Max => IsNumber(kind) || kind is DataKind.String or DataKind.DateTime or
            DataKind.DateTimeOffset or DataKind.DateOnly or DataKind.TimeOnly or DataKind.TimeSpan,
        _ => false,
    };

    private static bool IsNumber(DataKind kind) => kind is DataKind.Byte or DataKind.Int16 or DataKind.Int32 or DataKind.Int64 or
        DataKind.Single or DataKind.Double or DataKind.Decimal;

    private static string Shorten(string s) => s.Length <= 50 ? s : s[..50] + "...";
}
