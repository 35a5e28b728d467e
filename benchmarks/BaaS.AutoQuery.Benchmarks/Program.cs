using System.Data.Common;
using BaaS;
using BaaS.Benchmarks.AutoQuery;
using BaaS.Data;
using BaaS.Data.PostgreSQL;
using BaaS.Data.Sqlite;
using Dapper;

// Serves the same three operations two ways over one database of 100,000 products:
//   AutoQuery:  GET /products/{id}          GET /api/QueryProducts?category=..&priceGreaterThan=..&orderBy=-Price&take=20&include=total
//               POST /api/CreateProduct
//   hand-written minimal API + Dapper:  GET /minimal/products/{id}   GET /minimal/products?...   POST /minimal/products
// Arguments: --db sqlite|postgres --cs <connection string>
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var kind = builder.Configuration["db"] ?? "sqlite";
var cs = builder.Configuration["cs"] ?? throw new InvalidOperationException("--cs <connection string> is required");
var factory = new DbConnectionFactory(cs, kind == "postgres" ? PostgreSqlDialect.Instance : SqliteDialect.Instance);
builder.Services.AddSingleton<IDbConnectionFactory>(factory);
builder.Services.AddBaaS(o => o.ServiceName = "AutoQueryBenchmark");
builder.Services.AddAutoQuery(o =>
{
    o.Types.AddRange([typeof(GetProduct), typeof(QueryProducts), typeof(CreateProduct)]);
    o.EnableAuditLog = false; // the hand-written side writes no audit entry either
});
var app = builder.Build();

await using (var db = await factory.OpenAsync())
{
    if (!await db.TableExistsAsync<Product>())
    {
        await db.CreateTableAsync<Product>();
        var rows = Enumerable.Range(1, 100_000).Select(i => new Product
        {
            Name = $"Product {i}", Category = $"cat{i % 50}", Price = 1 + i % 997 / 10m, Stock = i % 100,
            CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i),
        });
        await db.InsertAllAsync(rows);
    }
}

// The hand-written side: the same queries written by hand, run with Dapper over the same driver connections.
var table = kind == "postgres" ? "\"product\"" : "\"product\"";
const string columns = "id AS Id, name AS Name, category AS Category, price AS Price, stock AS Stock, created_at AS CreatedAt";
async Task<DbConnection> OpenAsync() => (await factory.OpenAsync()).Inner;

app.MapGet("/minimal/products/{id:int}", async (int id) =>
{
    await using var connection = await OpenAsync();
    var product = await connection.QuerySingleOrDefaultAsync<Product>($"SELECT {columns} FROM {table} WHERE id = @id", new { id });
    return product is null ? Results.NotFound() : Results.Ok(new ProductPage { Results = [product], Total = 1 });
});
app.MapGet("/minimal/products", async (string? category, decimal? priceGreaterThan, int? take) =>
{
    await using var connection = await OpenAsync();
    const string where = "WHERE category = @category AND price > @price";
    var parameters = new { category, price = priceGreaterThan ?? 0, take = Math.Min(take ?? 100, 100) };
    var results = (await connection.QueryAsync<Product>($"SELECT {columns} FROM {table} {where} ORDER BY price DESC LIMIT @take", parameters)).ToList();
    var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} {where}", parameters);
    return Results.Ok(new ProductPage { Results = results, Total = (int)total });
});
app.MapPost("/minimal/products", async (CreateProduct request) =>
{
    await using var connection = await OpenAsync();
    var id = await connection.ExecuteScalarAsync<long>(
        $"INSERT INTO {table} (name, category, price, stock, created_at) VALUES (@Name, @Category, @Price, @Stock, @CreatedAt) RETURNING id",
        new { request.Name, request.Category, request.Price, request.Stock, CreatedAt = DateTime.UtcNow });
    return Results.Ok(new IdResponse { Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
});
app.UseBaaS();
app.Run();
