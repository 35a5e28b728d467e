using BaaS.Auth.Tests.Infrastructure;
using BaaS.Data;

namespace BaaS.Auth.Tests.Suites;

/// <summary>The auth tables come from ordinary BaaS.Data migrations that run with the app's own.</summary>
public abstract class AuthMigrationTests(TestDatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DbConnectionFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind, "auth_tests");
        _factory = _database.CreateFactory();
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _database.DisposeAsync();
    }

    private static readonly string[] Tables =
        ["baas_user", "baas_role", "baas_user_role", "baas_user_claim", "baas_user_login", "baas_user_token", "baas_refresh_token", "baas_api_key", "baas_data_protection_key"];

    [Fact]
    public async Task Migration_0000_creates_every_auth_table_and_rolls_back_cleanly()
    {
        var migrator = new Migrator(_factory, AuthMigrations.Types);
        Assert.Equal(["Migration0000_CreateAuthTables"], await migrator.RunAsync());
        await using (var db = await _factory.OpenAsync())
            foreach (var table in Tables) Assert.True(await db.TableExistsAsync(table), table);
        Assert.Empty(await migrator.RunAsync());

        Assert.Equal(["Migration0000_CreateAuthTables"], await migrator.RollbackAsync(1));
        await using (var db = await _factory.OpenAsync())
            foreach (var table in Tables) Assert.False(await db.TableExistsAsync(table), table);
    }

    [Fact]
    public async Task The_tables_match_the_models_the_stores_use()
    {
        await new Migrator(_factory, AuthMigrations.Types).RunAsync();
        await using var db = await _factory.OpenAsync();
        var user = new BaaSUser { UserName = "m", NormalizedUserName = "M", SecurityStamp = "s", ConcurrencyStamp = "c", CreatedAt = DateTime.UtcNow, LockoutEnd = DateTimeOffset.UtcNow };
        await db.InsertAsync(user);
        var role = new BaaSRole { Name = "R", NormalizedName = "R", ConcurrencyStamp = "c" };
        await db.InsertAsync(role);
        await db.InsertAsync(new BaaSUserRole { UserId = user.Id, RoleId = role.Id });
        await db.InsertAsync(new BaaSUserClaim { UserId = user.Id, ClaimType = "perm", ClaimValue = "x" });
        await db.InsertAsync(new BaaSUserLogin { UserId = user.Id, LoginProvider = "github", ProviderKey = "1" });
        await db.InsertAsync(new BaaSUserToken { UserId = user.Id, LoginProvider = "p", Name = "n", Value = "v" });
        await db.InsertAsync(new BaaSRefreshToken { UserId = user.Id, FamilyId = Guid.NewGuid(), TokenHash = new string('a', 64), CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow });
        await db.InsertAsync(new BaaSApiKey { UserId = user.Id, Name = "k", KeyHint = "ak-", KeyHash = new string('b', 64), Scopes = ["a", "b"], CreatedAt = DateTime.UtcNow });
        await db.InsertAsync(new BaaSDataProtectionKey { Xml = "<key/>" });
        var read = await db.SingleByIdAsync<BaaSUser>(user.Id);
        Assert.Equal(user.LockoutEnd!.Value.ToUnixTimeMilliseconds(), read!.LockoutEnd!.Value.ToUnixTimeMilliseconds());
        Assert.Equal(["a", "b"], (await db.SelectAsync<BaaSApiKey>()).Single().Scopes);
        // Deleting the user removes what hangs off it.
        await db.DeleteByIdAsync<BaaSUser>(user.Id);
        Assert.Equal(0, await db.CountAsync<BaaSUserRole>() + await db.CountAsync<BaaSUserClaim>() + await db.CountAsync<BaaSUserLogin>() +
                        await db.CountAsync<BaaSUserToken>() + await db.CountAsync<BaaSRefreshToken>() + await db.CountAsync<BaaSApiKey>());
    }

    [Fact]
    public void With_adds_the_apps_migrations_after_the_auth_ones()
    {
        var types = AuthMigrations.With(typeof(AuthMigrationTests).Assembly, typeof(BaaSUser).Assembly);
        Assert.Equal(typeof(Migrations.Migration0000_CreateAuthTables), types[0]);
        Assert.Contains(typeof(Migration0001_CreateShops), types);
        Assert.Equal(types.Count, types.Distinct().Count());
        Assert.Equal(["Migration0000_CreateAuthTables", "Migration0001_CreateShops"], new Migrator(_factory, types).Migrations.Select(m => m.Name));
    }
}

/// <summary>An app migration with a foreign key to the auth tables: it runs after migration 0.</summary>
public sealed class Migration0001_CreateShops : Migration
{
    [BaaS.DataAnnotations.Alias("shop")]
    private sealed class Shop
    {
        [BaaS.DataAnnotations.AutoIncrement] public int Id { get; set; }
        [BaaS.DataAnnotations.References(typeof(BaaSUser))] public Guid OwnerId { get; set; }
    }

    public override Task UpAsync(CancellationToken ct) => Db.CreateTableAsync<Shop>(ct);

    public override Task DownAsync(CancellationToken ct) => Db.DropTableAsync<Shop>(ct);
}

public sealed class SqliteAuthMigrationTests() : AuthMigrationTests(TestDatabaseKind.SqliteFile);

public sealed class PostgreSqlAuthMigrationTests() : AuthMigrationTests(TestDatabaseKind.PostgreSql);
