using BaaS.Data;
using BaaS.DataAnnotations;

namespace BaaS.Benchmarks.AutoQuery.Migrations;

/// <summary>
/// <c>product.price</c> becomes decimal(10,2), the baseline's NUMERIC(10,2): on SQLite the exact-text column of
/// <see cref="Migration0001_CreateProducts"/> is rebuilt as a scaled integer, keeping its values.
/// </summary>
public class Migration0002_DeclareProductPrice : Migration
{
    private sealed class Product
    {
        [AutoIncrement] public int Id { get; set; }
        public string Name { get; set; } = "";
        [Index] public string Category { get; set; } = "";
        [DecimalLength(10, 2)] public decimal Price { get; set; }
        public int Stock { get; set; }
        public DateTime CreatedAt { get; set; }
    }

    /// <inheritdoc />
    public override Task UpAsync(CancellationToken ct) => Db.ConvertDecimalColumnsAsync<Product>(ct);
}
