namespace BaaS;

/// <summary>
/// Fails when the number has more than <see cref="Scale"/> decimals or more than <see cref="Precision"/> digits in all
/// (like a <c>numeric(precision, scale)</c> column). Code <c>ScalePrecision</c>.
/// </summary>
public sealed class ValidateScalePrecisionAttribute(int scale, int precision) : ValidateAttribute
{
    /// <summary>The most digits after the decimal point.</summary>
    public int Scale { get; } = scale;

    /// <summary>The most digits in all.</summary>
    public int Precision { get; } = precision;
}
