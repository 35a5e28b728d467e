using System.Globalization;

namespace BaaS.Data.Sqlite;

// Decimals with [DecimalLength(p, s)] and p <= 18 are stored as INTEGER holding the value times 10^s, so =, <,
// BETWEEN, IN, ORDER BY, MIN/MAX and indexes run natively and exactly. Written values are rounded and range-checked
// by DialectProvider.ToDbValue; conditions bind exact integer bounds (Conditions); reads divide by 10^s.
public sealed partial class SqliteDialect
{
    /// <summary>The scale of a decimal with <c>[DecimalLength(p, s)]</c> and p &lt;= 18, stored as a scaled integer.</summary>
    public override int? DecimalStorageScale(FieldDefinition field) =>
        field is { Kind: DataKind.Decimal, DecimalPrecision: <= ScaledDecimal.MaxPrecision } ? field.DecimalScale : null;

    /// <inheritdoc />
    protected override object ConvertFieldForStorage(object value, FieldDefinition field) =>
        DecimalStorageScale(field) is { } scale
            ? ScaledDecimal.ToScaled((decimal)value, scale)
            : ConvertForStorage(value, field.Kind, field.ValueType);

    /// <summary>Also turns a scaled integer read for a decimal field (SUM, MIN, a selected column) back into the decimal.</summary>
    public override object? FromDbValue(object? value, Type target, FieldDefinition? field)
    {
        if (value is long scaled && field != null && DecimalStorageScale(field) is { } scale
            && (Nullable.GetUnderlyingType(target) ?? target) == typeof(decimal))
            return ScaledDecimal.FromScaled(scaled, scale);
        return base.FromDbValue(value, target, field);
    }

    /// <inheritdoc />
    internal override string SelectedValue(string sql, FieldDefinition? field) =>
        field != null && DecimalStorageScale(field) is { } scale ? $"({sql} || 'e-{scale.ToString(CultureInfo.InvariantCulture)}')" : sql;

    // SUM, MIN and MAX of scaled integers are the built-ins, in the same integers (SUM fails with "integer overflow"
    // past 2^63 rather than losing digits). AVG is exact decimal division by baas_dec_avg over the values spelt as
    // decimal text ("1250e-2" is 12.50), compared by the decimal collation: AVG("price" || 'e-2').
    private string ScaledAggregate(AggregateFunction function, string? columnSql, FieldDefinition field, int scale)
    {
        if (function != AggregateFunction.Avg) return base.Aggregate(function, columnSql, field);
        var text = scale == 0 ? columnSql : $"{columnSql} || 'e-{scale.ToString(CultureInfo.InvariantCulture)}'";
        return $"(baas_dec_avg({text}) COLLATE {SqliteFunctions.DecimalCollation})";
    }

    // UpdateAdd on a scaled integer: the database rounds the exact sum to the scale as PostgreSQL's numeric(p,s) does
    // (half away from zero). An amount m with no more decimals than the scale adds its integer: "price" + @p0.
    // Otherwise m = f + r (f = floor, 0 < r < 1) and round(X + m) is X + f below a half, X + f + 1 above; at exactly a
    // half it rounds away from zero: "price" + @p0 + ("price" + @p1 >= 0), SQLite comparisons being 0 or 1.
    private static void WriteScaledAdd(SqlWriter w, string columnSql, decimal amount, FieldDefinition field, int scale)
    {
        var (floor, ceiling) = ScaledDecimal.Bounds(amount, scale);
        if (floor == long.MinValue || ceiling == long.MaxValue) throw DecimalOverflow(field, amount);
        if (floor == ceiling)
        {
            w.Append(columnSql).Append(" + ").Param(floor, null);
            return;
        }
        var remainder = amount * ScaledDecimal.Pow10(scale) - floor;
        if (remainder < 0.5m) w.Append(columnSql).Append(" + ").Param(floor, null);
        else if (remainder > 0.5m) w.Append(columnSql).Append(" + ").Param(ceiling, null);
        else w.Append(columnSql).Append(" + ").Param(floor, null).Append(" + (").Append(columnSql).Append(" + ").Param(floor, null).Append(" >= 0)");
    }
}
