namespace BaaS;

/// <summary>How a grid shows a column's values (see <see cref="FormatAttribute"/>).</summary>
public enum ColumnFormat
{
    /// <summary>As the value's type implies.</summary>
    Default,
    /// <summary>A money amount in <see cref="FormatAttribute.Currency"/>.</summary>
    Currency,
    /// <summary>A number with grouping.</summary>
    Number,
    /// <summary>A fraction (0.25) as a percentage (25%).</summary>
    Percent,
    /// <summary>The date only.</summary>
    Date,
    /// <summary>Date and time in the viewer's time zone.</summary>
    DateTime,
    /// <summary>How long ago ("3 hours ago").</summary>
    Relative,
    /// <summary>A link to the value (an absolute http(s) URL).</summary>
    Link,
    /// <summary>A mailto link.</summary>
    Email,
    /// <summary>An image whose URL is the value.</summary>
    Image,
    /// <summary>A byte count (1.2 MB).</summary>
    Bytes,
    /// <summary>Not shown in grids unless chosen.</summary>
    Hidden,
}
