namespace BaaS.Testing;

/// <summary>A suite's database: a database of its own on the test run's PostgreSQL server.</summary>
public sealed class PostgresDatabaseFixture() : TestDatabaseFixture(TestDatabaseKind.PostgreSql);
