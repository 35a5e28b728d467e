namespace MyApp.Tests;

/// <summary>MyApp on PostgreSQL.</summary>
public sealed class PostgreSqlMyAppFixture() : MyAppFixture(TestDatabaseKind.PostgreSql);
