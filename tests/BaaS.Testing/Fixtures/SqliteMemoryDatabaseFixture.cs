namespace BaaS.Testing;

/// <summary>A suite's database: a shared-cache SQLite database in memory.</summary>
public sealed class SqliteMemoryDatabaseFixture() : TestDatabaseFixture(TestDatabaseKind.SqliteMemory);
