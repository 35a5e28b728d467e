namespace BaaS.Auth.Tests.Infrastructure;

/// <summary>The auth suite on a SQLite file.</summary>
public sealed class SqliteAuthFixture() : AuthFixture(TestDatabaseKind.SqliteFile);
