using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Redis.Tests.DenyList;

/// <summary>One node of a <see cref="DenyListApp"/> for a whole test class: its database and its cache store.</summary>
public abstract class DenyListFixture(string? redis, TestDatabaseKind kind) : IAsyncLifetime
{
    public DenyListApp App { get; } = new(redis, kind);

    public TestServer Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await App.StartNodeAsync();

    public async Task DisposeAsync()
    {
        if (Node is null) return;
        await Node.Services.GetRequiredService<ICache>().RemoveByPrefixAsync("");
        await Node.DisposeAsync();
    }
}

public sealed class MemorySqliteDenyListFixture() : DenyListFixture(null, TestDatabaseKind.SqliteFile);

public sealed class MemoryPostgreSqlDenyListFixture() : DenyListFixture(null, TestDatabaseKind.PostgreSql);

public sealed class RedisSqliteDenyListFixture() : DenyListFixture(RedisTestService.Instance.ConnectionString, TestDatabaseKind.SqliteFile);

public sealed class RedisPostgreSqlDenyListFixture() : DenyListFixture(RedisTestService.Instance.ConnectionString, TestDatabaseKind.PostgreSql);

/// <summary>The suite on the in-memory cache and a SQLite file.</summary>
public sealed class MemorySqliteDenyListTests(MemorySqliteDenyListFixture host) : DenyListBehaviourTests<MemorySqliteDenyListFixture>(host);

/// <summary>The suite on the in-memory cache and PostgreSQL.</summary>
public sealed class MemoryPostgreSqlDenyListTests(MemoryPostgreSqlDenyListFixture host) : DenyListBehaviourTests<MemoryPostgreSqlDenyListFixture>(host);

/// <summary>The suite on the run's Redis and a SQLite file.</summary>
public sealed class RedisSqliteDenyListTests(RedisSqliteDenyListFixture host) : DenyListBehaviourTests<RedisSqliteDenyListFixture>(host);

/// <summary>The suite on the run's Redis and PostgreSQL.</summary>
public sealed class RedisPostgreSqlDenyListTests(RedisPostgreSqlDenyListFixture host) : DenyListBehaviourTests<RedisPostgreSqlDenyListFixture>(host);
