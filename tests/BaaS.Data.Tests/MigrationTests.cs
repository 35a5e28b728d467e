using BaaS.Data.Tests.Migrations;

namespace BaaS.Data.Tests;

public abstract class MigrationTests(TestDatabaseFixture fixture) : DataTestBase(fixture)
{
    private async Task Clean()
    {
        await using var db = await Fixture.OpenAsync();
        db.ExecuteSql("drop table if exists mig_half");
        db.ExecuteSql("drop table if exists mig_note");
        db.ExecuteSql("drop table if exists baas_migration");
    }

    private Migrator Migrator(params Type[] types) => new(Fixture.Factory, types);

    [Fact]
    public async Task Run_applies_pending_migrations_in_order_and_records_them()
    {
        await Clean();
        var migrator = Migrator(typeof(Migration0002_SeedNotes), typeof(Migration0001_CreateNotes), typeof(Migration0004_AddIndex));
        Assert.Equal(["Migration0001_CreateNotes", "Migration0002_SeedNotes", "Migration0004_AddIndex"], await migrator.RunAsync());
        Assert.Empty(await migrator.RunAsync());
        var status = await migrator.GetStatusAsync();
        Assert.All(status, s => Assert.True(s.IsApplied));
        Assert.All(status, s => Assert.True(s.AppliedAt > DateTime.UtcNow.AddMinutes(-5) && s.DurationMs >= 0));
        await using var db = await Fixture.OpenAsync();
        Assert.Equal("seed", db.SqlScalar<string>("select text from mig_note"));
    }

    [Fact]
    public async Task Rollback_reverts_the_latest_migrations_newest_first()
    {
        await Clean();
        var migrator = Migrator(typeof(Migration0001_CreateNotes), typeof(Migration0002_SeedNotes), typeof(Migration0004_AddIndex));
        await migrator.RunAsync();
        Assert.Equal(["Migration0004_AddIndex", "Migration0002_SeedNotes"], await migrator.RollbackAsync(2));
        await using var db = await Fixture.OpenAsync();
        Assert.Equal(0, db.SqlScalar<int>("select count(*) from mig_note"));
        var status = await migrator.GetStatusAsync();
        Assert.Equal([true, false, false], status.Select(s => s.IsApplied));
        Assert.Equal(["Migration0001_CreateNotes"], await migrator.RollbackAsync(5));
        Assert.False(db.TableExists("mig_note"));
        Assert.Equal(3, (await migrator.RunAsync()).Count);
    }

    [Fact]
    public async Task A_failed_migration_rolls_back_completely_and_reports_the_failing_statement()
    {
        await Clean();
        var migrator = Migrator(typeof(Migration0001_CreateNotes), typeof(Migration0003_Broken), typeof(Migration0004_AddIndex));
        var ex = await Assert.ThrowsAsync<MigrationException>(() => migrator.RunAsync());
        Assert.Equal("Migration0003_Broken", ex.MigrationName);
        Assert.Equal("alter table mig_missing add column x integer", ex.FailedSql);
        Assert.Contains("Migration0003_Broken", ex.Message);
        Assert.Contains("alter table mig_missing", ex.Message);
        await using var db = await Fixture.OpenAsync();
        Assert.False(db.TableExists("mig_half"));
        Assert.Equal(0, db.SqlScalar<int>("select count(*) from mig_note"));
        var status = await migrator.GetStatusAsync();
        Assert.Equal([true, false, false], status.Select(s => s.IsApplied));
    }

    [Fact]
    public void Misnamed_or_duplicate_migrations_are_rejected_up_front()
    {
        var misnamed = Assert.Throws<InvalidOperationException>(() => Migrator(typeof(MigrationWithoutNumber)));
        Assert.Contains("Migration<number>_<Description>", misnamed.Message);
        var duplicate = Assert.Throws<InvalidOperationException>(() => Migrator(typeof(Migration0001_CreateNotes), typeof(Migration0001_Duplicate)));
        Assert.Contains("share the number 1", duplicate.Message);
        Assert.Equal(5, Migrator(typeof(Migration0005_Bad_Name_Is_Fine)).Migrations[0].Number);
    }
}

[Collection(SqliteFileCollection.SqliteFile)]
public sealed class SqliteFileMigrationTests(SqliteFileDatabaseFixture f) : MigrationTests(f);

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresMigrationTests(PostgresDatabaseFixture f) : MigrationTests(f);
