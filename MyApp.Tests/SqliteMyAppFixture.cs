namespace MyApp.Tests;

/// <summary>MyApp on a SQLite file.</summary>
public sealed class SqliteMyAppFixture() : MyAppFixture(TestDatabaseKind.SqliteFile);
