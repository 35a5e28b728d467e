namespace BaaS.Testing;

/// <summary>A suite's database: a SQLite file in a temporary folder (WAL, as in production).</summary>
public sealed class SqliteFileDatabaseFixture() : TestDatabaseFixture(TestDatabaseKind.SqliteFile);
