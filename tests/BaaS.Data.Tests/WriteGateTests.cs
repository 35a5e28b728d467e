using BaaS.Data.Sqlite;
using BaaS.DataAnnotations;

namespace BaaS.Data.Tests;

internal sealed class GateNote
{
    [AutoIncrement] public int Id { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>
/// SQLite takes one writer at a time: this process's writers queue at the source's <see cref="WriteGate"/> (a transaction
/// from begin to end, a write statement outside one while it runs) instead of meeting a locked file and sleeping in
/// SQLite's busy handler. Reads do not queue.
/// </summary>
[Collection(SqliteFileCollection.SqliteFile)]
public class SqliteWriteGateTests(SqliteFileDatabaseFixture fixture) : DataTestBase(fixture)
{
    private async Task<DataConnection> FreshTableAsync()
    {
        var db = await Fixture.Factory.OpenAsync();
        await db.DropTableIfExistsAsync<GateNote>();
        await db.CreateTableAsync<GateNote>();
        return db;
    }

    [Fact]
    public async Task Connections_from_the_factory_share_one_gate()
    {
        await using var a = await Fixture.Factory.OpenAsync();
        await using var b = await Fixture.Factory.OpenAsync();
        Assert.NotNull(a.WriteGate);
        Assert.Same(a.WriteGate, b.WriteGate);
    }

    [Fact]
    public async Task A_write_waits_for_an_open_transaction_to_end_and_then_goes_in()
    {
        await using var a = await FreshTableAsync();
        await using var b = await Fixture.Factory.OpenAsync();

        await using var tx = await a.OpenTransactionAsync();
        // B writes while A's transaction is open but has not written yet: B must wait (without the gate SQLite's
        // deferred transaction would let B in first).
        var bWrite = Task.Run(() => b.InsertAsync(new GateNote { Text = "b" }));
        await Task.Delay(300);
        Assert.False(bWrite.IsCompleted);
        // Reads are not held up.
        Assert.Equal(0L, await b.CountAsync<GateNote>());

        var aId = await a.InsertAsync(new GateNote { Text = "a" });
        await tx.CommitAsync();
        var bId = await bWrite;
        Assert.True(bId > aId, $"b ({bId}) went in after a ({aId})");
    }

    [Fact]
    public async Task Many_concurrent_writers_all_get_in()
    {
        await using (await FreshTableAsync()) { }
        var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            await using var db = await Fixture.Factory.OpenAsync();
            for (var i = 0; i < 25; i++)
            {
                if (i % 5 == 0)
                {
                    await using var tx = await db.OpenTransactionAsync();
                    await db.InsertAsync(new GateNote { Text = $"{w}-{i}-tx" });
                    await tx.CommitAsync();
                }
                else
                {
                    await db.InsertAsync(new GateNote { Text = $"{w}-{i}" });
                }
            }
        })).ToArray();
        await Task.WhenAll(writers);

        await using var check = await Fixture.Factory.OpenAsync();
        Assert.Equal(16L * 25, await check.CountAsync<GateNote>());
    }

    [Fact]
    public async Task A_rolled_back_or_disposed_transaction_lets_the_next_writer_in()
    {
        await using var a = await FreshTableAsync();
        await using (var tx = await a.OpenTransactionAsync())
        {
            await a.InsertAsync(new GateNote { Text = "rolled back" });
            await tx.RollbackAsync();
        }
        await using (await a.OpenTransactionAsync())
        {
            await a.InsertAsync(new GateNote { Text = "disposed uncommitted" });
        }
        await using var b = await Fixture.Factory.OpenAsync();
        await b.InsertAsync(new GateNote { Text = "kept" });
        Assert.Equal(1L, await b.CountAsync<GateNote>());
    }

    [Fact]
    public async Task A_writer_kept_waiting_past_the_timeout_gets_database_unavailable()
    {
        await using (await FreshTableAsync()) { }
        await using var source = new SqliteDataSource(Fixture.Database.ConnectionString) { BusyTimeoutMilliseconds = 200 };
        await using var a = new DataConnection(await source.OpenConnectionAsync(), Fixture.Dialect) { WriteGate = source.WriteGate };
        await using var b = new DataConnection(await source.OpenConnectionAsync(), Fixture.Dialect) { WriteGate = source.WriteGate };

        await using var tx = await a.OpenTransactionAsync();
        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => b.InsertAsync(new GateNote { Text = "too late" }));
        Assert.Contains("locked", error.Message);
        await tx.RollbackAsync();
        // The gate is free again and B's connection still works.
        await b.InsertAsync(new GateNote { Text = "now" });
        Assert.Equal(1L, await b.CountAsync<GateNote>());
    }

    [Fact]
    public async Task A_transaction_begun_with_raw_sql_is_not_kept_waiting_behind_a_writer_that_waits_for_it()
    {
        await using var a = await FreshTableAsync();
        await using var b = await Fixture.Factory.OpenAsync();

        await a.ExecuteSqlAsync("BEGIN IMMEDIATE"); // the file's write lock, taken by hand
        // B queues at the gate, goes in, and waits for SQLite's lock (busy timeout) ...
        var bWrite = Task.Run(() => b.InsertAsync(new GateNote { Text = "b" }));
        await Task.Delay(200);
        // ... while A, inside its own transaction, still writes and ends it: it does not queue behind B.
        await a.InsertAsync(new GateNote { Text = "a" });
        await a.ExecuteSqlAsync("COMMIT");
        await bWrite;
        Assert.Equal(2L, await a.CountAsync<GateNote>());
    }
}
