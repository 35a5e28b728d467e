namespace BaaS.Data;

/// <summary>
/// Writes one condition on a column; shared by the lambda translator and the run-time API so both produce the same
/// SQL. The column SQL comes from model metadata; every value becomes a parameter converted for the column.
/// </summary>
internal static class Conditions
{
    // "total" > @p0 ; "name" IS NULL ; ("qty" <> @p0 OR "qty" IS NULL) ; "id" IN (@p0, @p1) ; baas_lower("name") LIKE @p0 ESCAPE '\'
    public static void Write(SqlWriter w, DialectProvider d, string column, FieldDefinition? field, SqlOperator op, object? value)
    {
        switch (op)
        {
            case SqlOperator.IsNull:
                w.Append(column).Append(" IS NULL");
                return;
            case SqlOperator.IsNotNull:
                w.Append(column).Append(" IS NOT NULL");
                return;
            case SqlOperator.StartsWith:
            case SqlOperator.EndsWith:
            case SqlOperator.Contains:
                WriteLike(w, d, column, field, op, value);
                return;
            case SqlOperator.In:
            case SqlOperator.NotIn:
                WriteIn(w, d, column, field, DialectProvider.Elements(value), op == SqlOperator.NotIn);
                return;
            case SqlOperator.Between:
                var range = DialectProvider.Elements(value);
                if (range.Count != 2 || range[0] == null || range[1] == null)
                    throw new InvalidFieldValueException(field?.Name ?? column, "Between needs exactly two non-null values.");
                if (field != null && d.DecimalStorageScale(field) is { } scale)
                {
                    // "price" BETWEEN 50001 AND 99999 for 500.005 .. 999.99 at scale 2: the stored integers inside the range.
                    var low = ScaledDecimal.Bounds((decimal)Convert(range[0]!, field), scale).Ceiling;
                    var high = ScaledDecimal.Bounds((decimal)Convert(range[1]!, field), scale).Floor;
                    w.Append(column).Append(" BETWEEN ").Param(low, null).Append(" AND ").Param(high, null);
                    return;
                }
                w.Append(column).Append(" BETWEEN ").Param(Convert(range[0]!, field), Bind(field))
                 .Append(" AND ").Param(Convert(range[1]!, field), Bind(field));
                return;
        }

        if (value == null)
        {
            // C#'s == null and != null; ordering against null is never true.
            if (op == SqlOperator.Equal) w.Append(column).Append(" IS NULL");
            else if (op == SqlOperator.NotEqual) w.Append(column).Append(" IS NOT NULL");
            else w.Append("1 = 0");
            return;
        }
        var converted = Convert(value, field);
        if (field != null && d.DecimalStorageScale(field) is { } storageScale)
        {
            WriteScaled(w, column, field, op, (decimal)converted, storageScale);
            return;
        }
        if (op == SqlOperator.NotEqual && field is { IsNullable: true })
        {
            // In C# a null differs from any value; in SQL "col <> v" is unknown for NULL rows, so add them back.
            w.Append('(').Append(column).Append(" <> ").Param(converted, Bind(field)).Append(" OR ").Append(column).Append(" IS NULL)");
            return;
        }
        w.Append(column).Append(Symbol(op)).Param(converted, Bind(field));
    }

    // A comparison with a scaled decimal column binds the exact bound in stored integers, never the rounded value:
    // at scale 2, price > 500.005 is "price" > 50000, price >= 500.005 is "price" >= 50001, price = 500.005 matches nothing.
    private static void WriteScaled(SqlWriter w, string column, FieldDefinition field, SqlOperator op, decimal value, int scale)
    {
        var (floor, ceiling) = ScaledDecimal.Bounds(value, scale);
        var exact = floor == ceiling;
        switch (op)
        {
            case SqlOperator.Equal when !exact:
                w.Append("1 = 0");
                return;
            case SqlOperator.NotEqual when !exact:
                // Every row differs from a value the column cannot hold (a null too, as in C#; a non-null column has none).
                w.Append("1 = 1");
                return;
            case SqlOperator.NotEqual when field.IsNullable:
                w.Append('(').Append(column).Append(" <> ").Param(floor, null).Append(" OR ").Append(column).Append(" IS NULL)");
                return;
        }
        var bound = op is SqlOperator.GreaterThanOrEqual or SqlOperator.LessThan ? ceiling : floor;
        w.Append(column).Append(Symbol(op)).Param(bound, null);
    }

    // A declared decimal's value is compared as it is: bound without the field, it is not rounded to the column's
    // scale (or refused beyond its precision) as a written value is.
    private static FieldDefinition? Bind(FieldDefinition? field) => field is { DecimalPrecision: not null } ? null : field;

    public static string Symbol(SqlOperator op) => op switch
    {
        SqlOperator.Equal => " = ",
        SqlOperator.NotEqual => " <> ",
        SqlOperator.LessThan => " < ",
        SqlOperator.LessThanOrEqual => " <= ",
        SqlOperator.GreaterThan => " > ",
        SqlOperator.GreaterThanOrEqual => " >= ",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a comparison"),
    };

    public static void WriteLike(SqlWriter w, DialectProvider d, string column, FieldDefinition? field, SqlOperator op, object? value)
    {
        if (field != null && field.Kind != DataKind.String)
            throw new InvalidFieldValueException(field.Name, $"{op} applies to text fields; {field.Name} is {field.ValueType.Name}.");
        if (value == null)
        {
            w.Append("1 = 0");
            return;
        }
        var text = value as string ?? System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var escaped = EscapeLike(text);
        var pattern = op switch
        {
            SqlOperator.StartsWith => escaped + "%",
            SqlOperator.EndsWith => "%" + escaped,
            _ => "%" + escaped + "%",
        };
        d.WriteLike(w, column, pattern);
    }

    /// <summary>Makes <c>%</c>, <c>_</c> and <c>\</c> in a value match themselves (the statement says <c>ESCAPE '\'</c>).</summary>
    public static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    public static void WriteIn(SqlWriter w, DialectProvider d, string column, FieldDefinition? field, List<object?> values, bool not)
    {
        var nonNull = values.Where(v => v != null).ToList();
        var bindField = Bind(field);
        if (field != null && d.DecimalStorageScale(field) is { } scale)
        {
            // Scaled integers; a value with more decimals than the column holds matches no row, so it is left out.
            var scaled = new List<object?>(nonNull.Count);
            foreach (var v in nonNull)
            {
                var (floor, ceiling) = ScaledDecimal.Bounds((decimal)Convert(v!, field), scale);
                if (floor == ceiling) scaled.Add(floor);
            }
            values = nonNull.Count == values.Count ? scaled : [.. scaled, null];
            nonNull = scaled;
            bindField = null;
            field = null;
        }
        var hasNull = nonNull.Count != values.Count;
        if (nonNull.Count == 0)
        {
            // IN () is a syntax error; an empty list matches nothing (NOT IN: everything that is not null-matched).
            if (!hasNull) w.Append(not ? "1 = 1" : "1 = 0");
            else w.Append(column).Append(not ? " IS NOT NULL" : " IS NULL");
            return;
        }
        if (hasNull) w.Append('(');
        w.Append(column).Append(not ? " NOT IN (" : " IN (");
        for (var i = 0; i < nonNull.Count; i++)
        {
            if (i > 0) w.Append(", ");
            w.Param(Convert(nonNull[i]!, field), bindField);
        }
        w.Append(')');
        if (hasNull) w.Append(not ? " AND " : " OR ").Append(column).Append(not ? " IS NOT NULL)" : " IS NULL)");
    }

    private static object Convert(object value, FieldDefinition? field) => field == null ? value : DialectProvider.Coerce(value, field);
}
