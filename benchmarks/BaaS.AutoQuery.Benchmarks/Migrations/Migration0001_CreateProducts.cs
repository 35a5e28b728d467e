using BaaS.Data;
using BaaS.DataAnnotations;

namespace BaaS.Benchmarks.AutoQuery.Migrations;

/// <summary>The <c>product</c> table as the benchmark first shipped it (declared here, not through the model).</summary>
public class Migration0001_CreateProducts : Migration
{
    private sealed class Product
    {
        [AutoIncrement] public int Id { get; set; }
        public string Name { get; set; } = "";
        [Index] public string Category { get; set; } = "";
        public decimal Price { get; set; }
        public int Stock { get; set; }
        public DateTime CreatedAt { get; set; }
    }

    /// <inheritdoc />
    public override Task UpAsync(CancellationToken ct) => Db.CreateTableAsync<Product>(ct);

    /// <inheritdoc />
    public override Task DownAsync(CancellationToken ct) => Db.DropTableAsync<Product>(ct);
}
