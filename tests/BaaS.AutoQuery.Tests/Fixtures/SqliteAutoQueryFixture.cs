namespace BaaS.AutoQuery.Tests.Fixtures;

/// <summary>The AutoQuery suite on a SQLite file.</summary>
public sealed class SqliteAutoQueryFixture() : AutoQueryFixture(TestDatabaseKind.SqliteFile);
