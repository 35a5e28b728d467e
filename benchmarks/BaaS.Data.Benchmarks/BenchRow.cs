using BaaS.DataAnnotations;

namespace BaaS.Data.Benchmarks;

/// <summary>The row both libraries read and write.</summary>
public sealed class BenchRow
{
    [AutoIncrement] public int Id { get; set; }
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
    public int Quantity { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool IsActive { get; set; }
}
