using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Redis.Tests.ResponseCaching;

/// <summary>
/// App instances serving the cake DTOs through AutoQuery with response caching, on a SQLite file (or a database several
/// instances share) and on the cache their settings choose: Redis when given, memory otherwise.
/// </summary>
public static class CakeShop
{
    public static readonly Type[] AutoQueryTypes =
        [typeof(QueryCakes), typeof(QueryCakeShops), typeof(QueryCakesFresh), typeof(CreateCake), typeof(PatchCake), typeof(DeleteCake),
         typeof(RetireCake), typeof(RenameBakery)];

    public static Task<TestServer> StartAsync(string? redis, string? serviceName = null, TestDatabase? database = null,
        Dictionary<string, string?>? settings = null) =>
        TestServer.StartAsync([typeof(CakeServices)], o =>
        {
            if (database is null)
            {
                o.Dialect = TestDatabaseKind.SqliteFile;
                o.DatabasePrefix = "baas_respcache";
                o.PrepareDatabase = PrepareAsync;
            }
            else
            {
                o.Database = database;
            }
            if (redis is not null) o.Configuration["ConnectionStrings:Redis"] = redis;
            foreach (var (key, value) in settings ?? []) o.Configuration[key] = value;
            o.UseTestAuthentication = true;
            var name = serviceName ?? $"cakes-{Guid.NewGuid():N}";
            o.BaaS = b => b.ServiceName = name;
            o.ConfigureServices += s =>
            {
                s.AddAutoQuery(a => a.Types.AddRange(AutoQueryTypes));
                s.AddResponseCache();
                s.AddSingleton<IOperationFilter>(new ServiceCalls());
            };
            o.ConfigureBuilder = builder => builder.Services.AddBaaSRedis(builder.Configuration);
        });

    /// <summary>The tables and three cakes at one bakery.</summary>
    public static async Task PrepareAsync(DbConnectionFactory factory)
    {
        await using var db = await factory.OpenAsync();
        await db.CreateTableAsync<Bakery>();
        await db.CreateTableAsync<Cake>();
        await db.InsertAsync(new Bakery { Name = "Crumbs" });
        var now = DateTime.UtcNow;
        foreach (var (name, flavour, price) in new[] { ("Sachertorte", "chocolate", 30m), ("Pavlova", "berry", 25m), ("Lamington", "chocolate", 5m) })
            await db.InsertAsync(new Cake { BakeryId = 1, Name = name, Flavour = flavour, Price = price, CreatedBy = "seed", CreatedDate = now, ModifiedBy = "seed", ModifiedDate = now });
    }

    public static ServiceCalls Calls(this TestServer server) => server.Services.GetServices<IOperationFilter>().OfType<ServiceCalls>().Single();
}
