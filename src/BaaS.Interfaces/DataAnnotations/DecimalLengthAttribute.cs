namespace BaaS.DataAnnotations;

/// <summary>
/// The precision (total digits) and scale (digits after the point) of a decimal column, as SQL's
/// <c>numeric(precision, scale)</c>: <c>[DecimalLength(10, 2)]</c> holds -99999999.99 to 99999999.99. Written values
/// are rounded to the scale (half away from zero) and a value whose integer part has more than
/// <c>precision - scale</c> digits is refused, on every database. PostgreSQL stores <c>numeric(p,s)</c>; SQLite stores
/// a precision up to 18 as an integer holding the value times 10^scale, so comparisons, sorting and indexes are native.
/// </summary>
/// <param name="precision">Total significant digits, 1 to 28.</param>
/// <param name="scale">Digits after the decimal point, 0 to <paramref name="precision"/>.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class DecimalLengthAttribute(int precision, int scale) : Attribute
{
    /// <summary>Total significant digits, 1 to 28.</summary>
    public int Precision { get; } = precision;

    /// <summary>Digits after the decimal point, 0 to <see cref="Precision"/>.</summary>
    public int Scale { get; } = scale;
}
