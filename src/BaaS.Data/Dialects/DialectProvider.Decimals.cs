using System.Globalization;

namespace BaaS.Data;

public abstract partial class DialectProvider
{
    /// <summary>
    /// The scale of a field this dialect stores as a scaled integer (the value times 10^scale), or null when it stores
    /// the field's values as they are. SQLite answers for decimals with <c>[DecimalLength(p, s)]</c> and p &lt;= 18.
    /// </summary>
    public virtual int? DecimalStorageScale(FieldDefinition field) => null;

    /// <summary>
    /// A value about to be written into a decimal field with <c>[DecimalLength(p, s)]</c>, the way
    /// <c>numeric(p, s)</c> takes it: rounded to s decimals (half away from zero), and refused when its integer
    /// part has more than p - s digits.
    /// </summary>
    /// <exception cref="InvalidFieldValueException">The value does not fit the precision.</exception>
    public static decimal FitDecimal(decimal value, FieldDefinition field)
    {
        var (precision, scale) = (field.DecimalPrecision!.Value, field.DecimalScale!.Value);
        var rounded = ScaledDecimal.Round(value, scale);
        if (Math.Abs(rounded) >= ScaledDecimal.Pow10(precision - scale))
            throw DecimalOverflow(field, value);
        return rounded;
    }

    /// <summary>The error for a value too large for a field's <c>[DecimalLength]</c>, naming the field.</summary>
    internal static InvalidFieldValueException DecimalOverflow(FieldDefinition field, decimal? value)
    {
        var (precision, scale) = (field.DecimalPrecision!.Value, field.DecimalScale!.Value);
        var what = value is { } v ? $"{v.ToString(CultureInfo.InvariantCulture)} does not fit" : "The result does not fit";
        return new InvalidFieldValueException(field.Name,
            $"{what} {field.Name}: decimal({precision},{scale}) holds at most {precision - scale} digits before the point " +
            $"(up to {MaxOf(precision, scale)}).");
    }

    private static string MaxOf(int precision, int scale) =>
        (ScaledDecimal.Pow10(precision - scale) - 1m / ScaledDecimal.Pow10(scale)).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Converts a value that already has the field's CLR type into what the driver stores for that field; by default
    /// <see cref="ConvertForStorage"/> by the field's kind. SQLite overrides it for scaled decimals.
    /// </summary>
    protected virtual object ConvertFieldForStorage(object value, FieldDefinition field) =>
        ConvertForStorage(value, field.Kind, field.ValueType);

    /// <summary>
    /// Whether <paramref name="exception"/> says a value of <paramref name="field"/> did not fit its column: how an
    /// UpdateAdd that pushes a declared decimal past its precision fails in the database. By default, the named CHECK
    /// that guards a scaled decimal's range.
    /// </summary>
    internal virtual bool IsNumericOverflow(Exception exception, FieldDefinition field) =>
        exception is CheckConstraintException check
        && string.Equals(check.ConstraintName, LengthCheckName(field), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Converts the columns of <paramref name="model"/>'s table to what its <c>[DecimalLength]</c> fields declare,
    /// keeping every value (rounded to the scale); returns how many columns changed. See
    /// <see cref="DataConnectionExtensions.ConvertDecimalColumnsAsync{T}"/>.
    /// </summary>
    internal virtual ValueTask<int> ConvertDecimalColumns(DataConnection db, ModelDefinition model, bool async, CancellationToken ct) =>
        throw new NotSupportedException($"{Name} does not convert decimal columns.");

    /// <summary>
    /// The statements that turn foreign-key enforcement off and back on around a migration that rebuilds tables, and
    /// the query listing violations before it commits; null where tables are altered in place (PostgreSQL).
    /// </summary>
    internal virtual (string Off, string On, string Check)? ForeignKeyRebuildStatements => null;

    /// <summary>
    /// A selected column or aggregate as it should reach a reader that may not know its field: a projection, a
    /// select list, or rows read into another class. SQLite spells a scaled decimal as exact decimal text
    /// (<c>"price" || 'e-2'</c> reads 1250 as 12.50), so whatever class receives it gets the value, not the integer.
    /// </summary>
    internal virtual string SelectedValue(string sql, FieldDefinition? field) => sql;
}
