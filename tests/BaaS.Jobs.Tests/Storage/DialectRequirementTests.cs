using BaaS.Data;
using BaaS.Data.PostgreSQL;
using BaaS.Data.Sqlite;

namespace BaaS.Jobs.Tests;

/// <summary>
/// The job store picks its statements by the dialect's capabilities, and a database that lacks one it needs fails when
/// the jobs are configured, naming the capability. A database "lacking" one is a real dialect's capabilities with one
/// switched off: no such dialect ships.
/// </summary>
public sealed class DialectRequirementTests
{
    [Fact]
    public void Both_shipped_dialects_can_hold_the_jobs()
    {
        var options = new JobsOptions();
        options.UseDatabase("Data Source=jobs.db", SqliteDialect.Instance);
        Assert.Same(SqliteDialect.Instance, options.Dialect);
        options.UseDatabase("Host=127.0.0.1;Database=jobs", PostgreSqlDialect.Instance);
        Assert.Same(PostgreSqlDialect.Instance, options.Dialect);
    }

    [Fact]
    public void PostgreSQL_claims_with_row_locks_and_SQLite_with_its_single_writer()
    {
        var postgres = new JobSql(PostgreSqlDialect.Instance);
        Assert.True(postgres.LocksRows);
        Assert.Contains("FOR UPDATE SKIP LOCKED", postgres.Claim, StringComparison.Ordinal);
        Assert.StartsWith("SET LOCAL enable_sort = off;", postgres.Claim, StringComparison.Ordinal);
        Assert.NotNull(postgres.SchemaLock);

        var sqlite = new JobSql(SqliteDialect.Instance);
        Assert.False(sqlite.LocksRows);
        Assert.DoesNotContain("FOR UPDATE", sqlite.Claim, StringComparison.Ordinal);
        Assert.DoesNotContain("SET LOCAL", sqlite.Claim, StringComparison.Ordinal);
        Assert.Null(sqlite.SchemaLock);
    }

    [Theory]
    [InlineData("SQLite", nameof(DialectCapabilities.Returning))]
    [InlineData("SQLite", nameof(DialectCapabilities.JsonEach))]
    [InlineData("SQLite", nameof(DialectCapabilities.SerializesWrites))]
    [InlineData("PostgreSQL", nameof(DialectCapabilities.Returning))]
    [InlineData("PostgreSQL", nameof(DialectCapabilities.ArrayParameters))]
    [InlineData("PostgreSQL", nameof(DialectCapabilities.AdvisoryLocks))]
    [InlineData("PostgreSQL", nameof(DialectCapabilities.SkipLocked))]
    public void A_database_without_a_needed_capability_is_refused_naming_it(string database, string capability)
    {
        var real = database == "SQLite" ? SqliteDialect.Instance.Capabilities : PostgreSqlDialect.Instance.Capabilities;
        var lacking = Without(real, capability);

        var e = Assert.Throws<NotSupportedException>(() => JobSql.Require(database, lacking));

        Assert.Contains("lacks the capability", e.Message, StringComparison.Ordinal);
        Assert.Contains(capability, e.Message, StringComparison.Ordinal);
        Assert.Contains(database, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Notifications_are_optional()
    {
        JobSql.Require("PostgreSQL", PostgreSqlDialect.Instance.Capabilities with { Notifications = false });
        Assert.False(new JobSql(SqliteDialect.Instance).Notifies);
    }

    private static DialectCapabilities Without(DialectCapabilities can, string capability) => capability switch
    {
        nameof(DialectCapabilities.Returning) => can with { Returning = false },
        nameof(DialectCapabilities.JsonEach) => can with { JsonEach = false },
        nameof(DialectCapabilities.SerializesWrites) => can with { SerializesWrites = false },
        nameof(DialectCapabilities.ArrayParameters) => can with { ArrayParameters = false },
        nameof(DialectCapabilities.AdvisoryLocks) => can with { AdvisoryLocks = false },
        nameof(DialectCapabilities.SkipLocked) => can with { SkipLocked = false },
        _ => throw new ArgumentOutOfRangeException(nameof(capability)),
    };
}
