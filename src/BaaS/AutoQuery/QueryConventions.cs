using BaaS.Data;

namespace BaaS.AutoQuery;

/// <summary>
/// How a query property or query-string key names a field and a comparison: <c>Rating</c> (=, or IN for a list),
/// <c>RatingGreaterThan</c>, <c>MinRating</c>, <c>NameStartsWith</c>, <c>PlacedAtBetween</c>, <c>DeletedDateIsNull</c>,
/// <c>Ids</c> (primary key IN) ... and the operands <c>[QueryDbField]</c> may name.
/// </summary>
public static class QueryConventions
{
    // Longest first, so "GreaterThanOrEqualTo" wins over "GreaterThan".
    private static readonly (string Suffix, SqlOperator Op)[] Suffixes =
    [
        ("GreaterThanOrEqualTo", SqlOperator.GreaterThanOrEqual),
        ("LessThanOrEqualTo", SqlOperator.LessThanOrEqual),
        ("GreaterThan", SqlOperator.GreaterThan),
        ("NotEqualTo", SqlOperator.NotEqual),
        ("StartsWith", SqlOperator.StartsWith),
        ("IsNotNull", SqlOperator.IsNotNull),
        ("LessThan", SqlOperator.LessThan),
        ("EndsWith", SqlOperator.EndsWith),
        ("Contains", SqlOperator.Contains),
        ("Between", SqlOperator.Between),
        ("IsNull", SqlOperator.IsNull),
        ("NotIn", SqlOperator.NotIn),
        ("After", SqlOperator.GreaterThan),
        ("Before", SqlOperator.LessThan),
        ("In", SqlOperator.In),
    ];

    private static readonly (string Prefix, SqlOperator Op)[] Prefixes =
    [
        ("Min", SqlOperator.GreaterThanOrEqual),
        ("Max", SqlOperator.LessThanOrEqual),
    ];

    private static readonly Dictionary<string, SqlOperator> Operands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["="] = SqlOperator.Equal, ["=="] = SqlOperator.Equal, ["!="] = SqlOperator.NotEqual, ["<>"] = SqlOperator.NotEqual,
        ["<"] = SqlOperator.LessThan, ["<="] = SqlOperator.LessThanOrEqual, [">"] = SqlOperator.GreaterThan,
        [">="] = SqlOperator.GreaterThanOrEqual, ["StartsWith"] = SqlOperator.StartsWith, ["EndsWith"] = SqlOperator.EndsWith,
        ["Contains"] = SqlOperator.Contains, ["Like"] = SqlOperator.Contains, ["In"] = SqlOperator.In, ["NotIn"] = SqlOperator.NotIn,
        ["Between"] = SqlOperator.Between, ["IsNull"] = SqlOperator.IsNull, ["IsNotNull"] = SqlOperator.IsNotNull,
    };

    /// <summary>The operator an operand names (see <see cref="QueryDbFieldAttribute.Operand"/>), or null.</summary>
    public static SqlOperator? Operand(string operand) =>
        Operands.TryGetValue(operand.Trim(), out var op) ? op : null;

    /// <summary>The operands that can be named, for error messages.</summary>
    public static string OperandList => string.Join(", ", Operands.Keys);

    /// <summary>
    /// Reads a name as a field and an operator. <paramref name="hasField"/> says whether a name is a field of the query's
    /// tables. An exact field wins over any convention (a field called <c>CheckIn</c> is not "Check IN").
    /// </summary>
    public static bool TryParse(string name, Func<string, bool> hasField, out string field, out SqlOperator op)
    {
        field = name;
        op = SqlOperator.Equal;
        if (hasField(name)) return true;
        if (string.Equals(name, "Ids", StringComparison.OrdinalIgnoreCase))
        {
            op = SqlOperator.In;
            field = "";
            return true; // the caller maps "" to the primary key
        }
        foreach (var (suffix, suffixOp) in Suffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && hasField(name[..^suffix.Length]))
            {
                field = name[..^suffix.Length];
                op = suffixOp;
                return true;
            }
        }
        foreach (var (prefix, prefixOp) in Prefixes)
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && hasField(name[prefix.Length..]))
            {
                field = name[prefix.Length..];
                op = prefixOp;
                return true;
            }
        }
        return false;
    }

    /// <summary>True for operators whose value is a collection.</summary>
    public static bool TakesList(SqlOperator op) => op is SqlOperator.In or SqlOperator.NotIn or SqlOperator.Between;

    /// <summary>True for operators whose value is a yes/no switch rather than a compared value.</summary>
    public static bool IsNullCheck(SqlOperator op) => op is SqlOperator.IsNull or SqlOperator.IsNotNull;
}
