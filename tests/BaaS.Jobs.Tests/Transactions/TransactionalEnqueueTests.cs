using BaaS.Data;
using BaaS.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Jobs.Tests;

/// <summary>
/// A database and three nodes on it: one as configured by default (on SQLite the jobs have a file of their own, so an
/// app transaction's jobs go through the outbox; on PostgreSQL they share the app's database and are inserted in the
/// transaction) and two that always use the outbox, whose drainers poll only once an hour (so only the tests drain them).
/// </summary>
public sealed class OutboxFixture<TKind> : IAsyncLifetime where TKind : IDatabaseKind
{
    public TestDatabase Database { get; private set; } = null!;
    public JobsNode Node { get; private set; } = null!;
    public JobsNode OutboxA { get; private set; } = null!;
    public JobsNode OutboxB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        Node = await JobsNode.StartAsync(Database);
        OutboxA = await JobsNode.StartAsync(Database, Slow, "outbox-a");
        OutboxB = await JobsNode.StartAsync(Database, Slow, "outbox-b");
        await using var db = await Database.CreateFactory().OpenAsync();
        await db.CreateTableIfNotExistsAsync<TxProbeRow>();
    }

    private static void Slow(JobsOptions o)
    {
        o.AlwaysUseOutbox = true;
        o.PollInterval = TimeSpan.FromHours(1);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { OutboxB, OutboxA, Node }) if (node is not null) await node.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
    }
}

/// <summary>An app table the tests write to in the same transaction as their jobs.</summary>
[Alias("tx_probe_row")]
public sealed class TxProbeRow
{
    [AutoIncrement] public long Id { get; set; }
    public string Key { get; set; } = "";
}

/// <summary>Jobs enqueued in an app transaction: they exist exactly when the transaction commits, each once.</summary>
public abstract class TransactionalEnqueueTests<TKind>(OutboxFixture<TKind> fixture) : IClassFixture<OutboxFixture<TKind>> where TKind : IDatabaseKind
{
    private Task<DataConnection> OpenAppAsync() => fixture.Node.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();

    private static Task<long> CountAsync(JobsNode node, string sql, object param) => node.ScalarAsync(sql, param);

    private async Task<long> OutboxRowsAsync(string refId)
    {
        await using var db = await OpenAppAsync();
        return await db.SqlScalarAsync<long>("SELECT COUNT(*) FROM baas_job_outbox WHERE ref_id = @refId", new { refId });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Job_enqueued_in_a_committed_transaction_exists_with_the_write_and_runs_once(bool outbox)
    {
        var node = outbox ? fixture.OutboxA : fixture.Node;
        var key = Probe.NewKey();
        JobRef job;
        await using (var db = await OpenAppAsync())
        {
            var jobs = node.Jobs;
            #region snippet:jobs-in-transaction
            await using var tx = await db.OpenTransactionAsync();
            await db.InsertAsync(new TxProbeRow { Key = key });
            job = await jobs.InTransaction(db).EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key });
            await tx.CommitAsync(); // the row and the job, or (rolled back) neither
            #endregion
        }
        // The commit woke the node's drainer (outbox) or worker: the job runs without waiting for an hourly poll.
        var stored = await Eventually.ValueAsync(() => node.Jobs.GetJobByRefIdAsync(job.RefId), j => j?.State == JobState.Completed, "the job completed");
        Assert.Single(Probe.RunsOf(key));
        Assert.Equal(stored!.Id, Probe.RunsOf(key)[0].JobId);
        Assert.Equal(0, await OutboxRowsAsync(job.RefId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Job_enqueued_in_a_rolled_back_transaction_never_exists(bool outbox)
    {
        var node = outbox ? fixture.OutboxA : fixture.Node;
        var key = Probe.NewKey();
        JobRef job;
        await using (var db = await OpenAppAsync())
        {
            await using var tx = await db.OpenTransactionAsync();
            await db.InsertAsync(new TxProbeRow { Key = key });
            job = await node.Jobs.InTransaction(db).EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key });
            await tx.RollbackAsync();
        }
        // Whatever is in the outbox is moved by a drain; after one, there is still no job, no outbox row and no write.
        await node.Services.GetRequiredService<OutboxDrainer>().DrainAsync(null, CancellationToken.None);
        Assert.Null(await node.Jobs.GetJobByRefIdAsync(job.RefId));
        Assert.Equal(0, await CountAsync(node, "SELECT COUNT(*) FROM baas_job WHERE ref_id = @refId", new { refId = job.RefId }));
        Assert.Equal(0, await OutboxRowsAsync(job.RefId));
        await using var check = await OpenAppAsync();
        Assert.Equal(0, await check.SqlScalarAsync<long>("SELECT COUNT(*) FROM tx_probe_row WHERE key = @key", new { key }));
        Assert.Empty(Probe.RunsOf(key));
    }

    [Fact]
    public async Task Enqueue_with_a_connection_without_a_transaction_is_refused_with_instructions()
    {
        await using var db = await OpenAppAsync();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.Node.Jobs.InTransaction(db).EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = Probe.NewKey() }));
        Assert.Contains("OpenTransactionAsync", e.Message);
    }

    [Fact]
    public async Task Outbox_drained_by_two_nodes_at_once_after_a_crash_makes_each_job_exactly_once()
    {
        var key = Probe.NewKey();
        var refIds = new List<string>();
        await using (var db = await OpenAppAsync())
        {
            await using var tx = await db.OpenTransactionAsync();
            var inTx = fixture.OutboxA.Jobs.InTransaction(db);
            for (var i = 0; i < 60; i++) refIds.Add((await inTx.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key })).RefId);
            // A node that died after storing the first few jobs but before deleting their outbox rows.
            var store = fixture.OutboxA.Store;
            await using var jobs = await store.OpenAsync(CancellationToken.None);
            await using (var jobsTx = await jobs.OpenTransactionAsync())
            {
                var rows = await db.SqlListAsync<JobOutboxRecord>("SELECT * FROM baas_job_outbox WHERE ref_id = @first OR ref_id = @second",
                    new { first = refIds[0], second = refIds[1] });
                foreach (var row in rows)
                    await store.StoreFromOutboxAsync(jobs, System.Text.Json.JsonSerializer.Deserialize<JobRecord>(row.Job)!, CancellationToken.None);
                await jobsTx.CommitAsync();
            }
            await tx.CommitAsync(); // wakes A's drainer too: three drains race
        }

        var a = fixture.OutboxA.Services.GetRequiredService<OutboxDrainer>();
        var b = fixture.OutboxB.Services.GetRequiredService<OutboxDrainer>();
        await Task.WhenAll(Task.Run(() => a.DrainAsync(null, CancellationToken.None)), Task.Run(() => b.DrainAsync(null, CancellationToken.None)));
        await a.DrainAsync(null, CancellationToken.None);

        foreach (var refId in refIds) Assert.Equal(0, await OutboxRowsAsync(refId));
        await Eventually.UntilAsync(() => Task.FromResult(Probe.RunsOf(key).Count >= 60), "the 60 jobs ran");
        var jobIds = new List<long>();
        foreach (var refId in refIds)
        {
            Assert.Equal(1, await CountAsync(fixture.Node, "SELECT COUNT(*) FROM baas_job WHERE ref_id = @refId", new { refId }));
            jobIds.Add((await fixture.Node.Jobs.GetJobByRefIdAsync(refId))!.Id);
        }
        Assert.Equal(jobIds.Order(), Probe.RunsOf(key).Select(r => r.JobId).Order());
    }
}

public sealed class SqliteTransactionalEnqueueTests(OutboxFixture<OnSqlite> fixture) : TransactionalEnqueueTests<OnSqlite>(fixture);

public sealed class PostgreSqlTransactionalEnqueueTests(OutboxFixture<OnPostgreSql> fixture) : TransactionalEnqueueTests<OnPostgreSql>(fixture);
