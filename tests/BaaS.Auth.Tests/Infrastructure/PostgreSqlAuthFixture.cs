namespace BaaS.Auth.Tests.Infrastructure;

/// <summary>The auth suite on PostgreSQL.</summary>
public sealed class PostgreSqlAuthFixture() : AuthFixture(TestDatabaseKind.PostgreSql);
