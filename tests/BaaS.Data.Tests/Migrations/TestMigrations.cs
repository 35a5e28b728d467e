using BaaS.DataAnnotations;

namespace BaaS.Data.Tests.Migrations;

[Alias("mig_note")]
internal sealed class MigNote
{
    [AutoIncrement] public int Id { get; set; }
    public string Text { get; set; } = "";
}

internal sealed class Migration0001_CreateNotes : Migration
{
    public override Task UpAsync(CancellationToken ct) => Db.CreateTableAsync<MigNote>(ct);

    public override Task DownAsync(CancellationToken ct) => Db.DropTableAsync<MigNote>(ct);
}

internal sealed class Migration0002_SeedNotes : Migration
{
    public override Task UpAsync(CancellationToken ct) => ExecuteSqlAsync("insert into mig_note (text) values (@t)", new { t = "seed" }, ct);

    public override Task DownAsync(CancellationToken ct) => ExecuteSqlAsync("delete from mig_note where text = @t", new { t = "seed" }, ct);
}

/// <summary>Creates a table, then fails on a bad statement: nothing of it may stay.</summary>
internal sealed class Migration0003_Broken : Migration
{
    public override async Task UpAsync(CancellationToken ct)
    {
        await ExecuteSqlAsync("create table mig_half (id integer primary key)", ct: ct);
        await ExecuteSqlAsync("insert into mig_note (text) values ('half')", ct: ct);
        await ExecuteSqlAsync("alter table mig_missing add column x integer", ct: ct);
    }
}

internal sealed class Migration0004_AddIndex : Migration
{
    public override Task UpAsync(CancellationToken ct) => ExecuteSqlAsync("create index ix_mig_note_text on mig_note (text)", ct: ct);

    public override Task DownAsync(CancellationToken ct) => ExecuteSqlAsync("drop index ix_mig_note_text", ct: ct);
}

internal sealed class Migration0005_Bad_Name_Is_Fine : Migration
{
    public override Task UpAsync(CancellationToken ct) => Task.CompletedTask;
}

internal sealed class MigrationWithoutNumber : Migration
{
    public override Task UpAsync(CancellationToken ct) => Task.CompletedTask;
}

internal sealed class Migration0001_Duplicate : Migration
{
    public override Task UpAsync(CancellationToken ct) => Task.CompletedTask;
}
