using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.AutoQuery.Tests.Fixtures;

/// <summary>
/// A test server serving the fixture DTOs through AutoQuery over a database of its own, seeded with <see cref="Seed"/>;
/// callers act as users with the test authentication scheme (<c>X-Test-User: alice</c>).
/// </summary>
public abstract class AutoQueryFixture(TestDatabaseKind kind) : TestServerFixture
{
    public const int MaxLimit = 6;

    /// <summary>The app's connection factory, for checks straight in the database.</summary>
    public DbConnectionFactory Factory => Server.Db;

    /// <summary>The DTO types served (all public fixture DTOs).</summary>
    public static Type[] DtoTypes { get; } = [.. typeof(AutoQueryFixture).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(AutoQueryFixture).Namespace && t.IsPublic && typeof(IReturn).IsAssignableFrom(t))];

    protected override void Configure(TestServerOptions options)
    {
        options.Dialect = kind;
        options.DatabasePrefix = "baas_autoquery";
        options.PrepareDatabase = async factory =>
        {
            await using var db = await factory.OpenAsync();
            await db.CreateTableAsync<Author>();
            await db.CreateTableAsync<Book>();
            await db.CreateTableAsync<Dish>();
            await Seed.InsertAsync(db);
        };
        options.UseTestAuthentication = true;
        options.BaaS += o => o.ServiceName = "AutoQueryTests";
        options.ServiceTypes.Add(typeof(HandWrittenServices));
        options.ConfigureServices += s => s.AddAutoQuery(o =>
        {
            o.MaxLimit = MaxLimit;
            o.Types.AddRange(DtoTypes);
        });
    }
}
