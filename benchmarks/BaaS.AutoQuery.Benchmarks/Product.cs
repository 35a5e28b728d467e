using BaaS.DataAnnotations;

namespace BaaS.Benchmarks.AutoQuery;

/// <summary>The benchmark's one table, the same columns as the hand-written baseline's <c>products</c>.</summary>
public class Product
{
    [AutoIncrement]
    public int Id { get; set; }
    public string Name { get; set; } = "";
    [Index]
    public string Category { get; set; } = "";
    // NUMERIC(10,2) like the baseline's column: a scaled integer on SQLite, so filters, sorting and the index are native.
    [DecimalLength(10, 2)]
    public decimal Price { get; set; }
    public int Stock { get; set; }
    public DateTime CreatedAt { get; set; }
}
