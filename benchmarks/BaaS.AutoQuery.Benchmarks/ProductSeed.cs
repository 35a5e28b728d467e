using BaaS.Data;

namespace BaaS.Benchmarks.AutoQuery;

/// <summary>
/// The data set of ../shared/baseline/README.md, loaded through the platform's own ORM so the columns are stored the
/// way the platform stores them: row i (ids 1..N, in order, into an empty table) has name <c>Product i</c>, category
/// <c>cat-(i % 10)</c>, price <c>((i * 7919) % 100000) / 100</c>, stock <c>(i * 31) % 500</c>.
/// </summary>
public static class ProductSeed
{
    /// <summary>Loads rows 1..<paramref name="count"/> when the table is empty; returns how many rows it holds afterwards.</summary>
    public static async Task<long> LoadAsync(IDbConnectionFactory factory, int count)
    {
        await using var db = await factory.OpenAsync();
        var existing = await db.CountAsync<Product>();
        if (existing > 0) return existing;
        var now = DateTime.UtcNow;
        await db.InsertAllAsync(Enumerable.Range(1, count).Select(i => new Product
        {
            Name = $"Product {i}",
            Category = $"cat-{i % 10}",
            Price = (i * 7919L % 100000) / 100m,
            Stock = (int)(i * 31L % 500),
            CreatedAt = now,
        }));
        return await db.CountAsync<Product>();
    }
}
