namespace BaaS.AutoQuery.Tests.Fixtures;

/// <summary>The AutoQuery suite on PostgreSQL.</summary>
public sealed class PostgreSqlAutoQueryFixture() : AutoQueryFixture(TestDatabaseKind.PostgreSql);
