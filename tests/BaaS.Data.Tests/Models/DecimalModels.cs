using BaaS.DataAnnotations;

namespace BaaS.Data.Tests;

/// <summary>Declared decimals: scaled integers on SQLite (precision &lt;= 18), numeric(p,s) on PostgreSQL.</summary>
internal sealed class Priced
{
    [AutoIncrement] public int Id { get; set; }
    [Index] public string Category { get; set; } = "";
    [DecimalLength(10, 2), Index] public decimal Price { get; set; }
    [DecimalLength(6, 3)] public decimal? Weight { get; set; }
    // Beyond 18 digits: exact text on SQLite, still rounded and range-checked.
    [DecimalLength(24, 4)] public decimal Wide { get; set; }
    [DecimalLength(12, 3)] public decimal? Cost { get; set; }
}

/// <summary>Another shape read from Priced rows, with an undeclared decimal.</summary>
internal sealed class PricedView
{
    public int Id { get; set; }
    public decimal Price { get; set; }
    public decimal? Weight { get; set; }
}

/// <summary>A grouped projection.</summary>
internal sealed class CategoryTotal
{
    public string Category { get; set; } = "";
    public decimal Total { get; set; }
    public decimal Cheapest { get; set; }
}

internal sealed class BadPrecision
{
    public int Id { get; set; }
    [DecimalLength(29, 2)] public decimal Amount { get; set; }
}

internal sealed class BadScale
{
    public int Id { get; set; }
    [DecimalLength(5, 6)] public decimal Amount { get; set; }
}

internal sealed class DecimalLengthOnInt
{
    public int Id { get; set; }
    [DecimalLength(5, 2)] public int Amount { get; set; }
}

/// <summary>The table "legacy_price" as an older version of the model created it: decimals as exact text.</summary>
[Alias("legacy_price")]
internal sealed class LegacyPriceV1
{
    [AutoIncrement] public int Id { get; set; }
    [Index] public decimal Price { get; set; }
    public decimal? Discount { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>The same table once the model declares its decimals.</summary>
[Alias("legacy_price")]
internal sealed class LegacyPriceV2
{
    [AutoIncrement] public int Id { get; set; }
    [Index, DecimalLength(10, 2)] public decimal Price { get; set; }
    [DecimalLength(5, 3)] public decimal? Discount { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A table referring to legacy_price, deleting its rows with their parent.</summary>
[Alias("legacy_price_note")]
internal sealed class LegacyPriceNote
{
    [AutoIncrement] public int Id { get; set; }
    [ForeignKey(typeof(LegacyPriceV1), OnDelete = "CASCADE")] public int PriceId { get; set; }
    public string Text { get; set; } = "";
}
