using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Jobs.Tests;

/// <summary>
/// Group commit: jobs enqueued while a write is in flight are stored together by the next one. Each test holds the
/// jobs table's write lock from another connection for a moment, so that the first job's write waits on the database
/// and the next callers queue up behind it (a real database lock, not a hook in the code). The first caller runs on
/// the thread pool: on SQLite a waiting write blocks its thread, which must not be the one that releases the lock.
/// </summary>
public abstract class GroupedEnqueueTests<TKind>(NodeFixture<TKind> fixture) : IClassFixture<NodeFixture<TKind>> where TKind : IDatabaseKind
{
    private JobsNode Node => fixture.Node;

    // Queued far in the future, so the node leaves them alone while the test reads them.
    private static JobOptions Later => new() { RunAfter = DateTime.UtcNow.AddHours(1), Tag = "grouped" };

    [Fact]
    public async Task Callers_enqueueing_together_each_get_the_id_of_their_own_job()
    {
        var keys = Enumerable.Range(0, 60).Select(_ => Probe.NewKey()).ToArray();
        Task<JobRef> first;
        Task<JobRef>[] rest;
        await using (await HoldWritesAsync())
        {
            first = Task.Run(() => Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = keys[0] }, Later));
            await FirstWriteInFlightAsync();
            rest = keys.Skip(1).Select(key => Task.Run(() => Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, Later))).ToArray();
            await Task.Delay(100);
            Assert.False(first.IsCompleted); // the write really waits on the lock
        }
        var refs = await Task.WhenAll(rest.Prepend(first));

        Assert.Equal(keys.Length, refs.Select(r => r.Id).Distinct().Count());
        for (var i = 0; i < keys.Length; i++)
        {
            var job = await Node.Jobs.GetJobAsync(refs[i].Id);
            Assert.NotNull(job);
            Assert.Contains(keys[i], job.Arg);               // the id answered to caller i is the job caller i queued
            Assert.Equal(refs[i].RefId, job.RefId);
            Assert.Equal(JobState.Queued, job.State);
        }
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_only_its_own_caller()
    {
        var store = Node.Store;
        var factory = Node.Services.GetRequiredService<JobFactory>();
        var command = Node.Services.GetRequiredService<CommandRegistry>().Get(typeof(WorkCommand));
        JobRecord NewJob(string key) => factory.ForCommand(command, new WorkArg { Key = key }, Later, null);

        var taken = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = Probe.NewKey() }, Later);
        var (k1, k2, k3) = (Probe.NewKey(), Probe.NewKey(), Probe.NewKey());
        var bad = NewJob(Probe.NewKey());
        bad.RefId = taken.RefId; // breaks the unique RefId index: the database refuses this row
        Task<JobRef> first, good1, refused, good2;
        await using (await HoldWritesAsync())
        {
            first = Task.Run(() => store.EnqueueAsync(NewJob(k1), callerRefId: false, async: true, default).AsTask());
            await FirstWriteInFlightAsync();
            good1 = store.EnqueueAsync(NewJob(k2), callerRefId: false, async: true, default).AsTask();
            refused = store.EnqueueAsync(bad, callerRefId: false, async: true, default).AsTask();
            good2 = store.EnqueueAsync(NewJob(k3), callerRefId: false, async: true, default).AsTask();
        }

        await Assert.ThrowsAsync<UniqueConstraintException>(() => refused);
        foreach (var (task, key) in new[] { (first, k1), (good1, k2), (good2, k3) })
        {
            var job = await Node.Jobs.GetJobAsync((await task).Id);
            Assert.Contains(key, job!.Arg);
        }
        Assert.Equal(1, await Node.ScalarAsync("SELECT COUNT(*) FROM baas_job WHERE ref_id = @refId", new { refId = taken.RefId }));
    }

    [Fact]
    public async Task Enqueue_cancelled_while_waiting_for_the_grouped_write_is_not_stored()
    {
        var (kept, dropped, after) = (Probe.NewKey(), Probe.NewKey(), Probe.NewKey());
        using var cancel = new CancellationTokenSource();
        Task<JobRef> first, cancelled;
        await using (await HoldWritesAsync())
        {
            first = Task.Run(() => Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = kept }, Later));
            await FirstWriteInFlightAsync();
            cancelled = Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = dropped }, Later, cancel.Token);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        }
        await first;
        await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = after }, Later); // written after any write that could carry it

        Assert.Equal(0, await CountArgAsync(dropped));
        Assert.Equal(1, await CountArgAsync(kept));
        Assert.Equal(1, await CountArgAsync(after));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = dropped }, Later, cancel.Token));
        Assert.Equal(0, await CountArgAsync(dropped));
    }

    // The first caller's write has been taken (it now waits on the held lock), so later callers queue behind it.
    private Task FirstWriteInFlightAsync() =>
        Eventually.UntilAsync(() => Task.FromResult(Node.Store.Batcher.IsWriting), "the first write is in flight");

    private Task<long> CountArgAsync(string key) =>
        Node.ScalarAsync("SELECT COUNT(*) FROM baas_job WHERE arg LIKE @pattern", new { pattern = "%" + key + "%" });

    /// <summary>Takes the jobs table's write lock on a connection of its own until disposed.</summary>
    private async Task<IAsyncDisposable> HoldWritesAsync()
    {
        var db = await Node.OpenJobsDbAsync();
        if (db.Dialect.Name == "PostgreSQL")
        {
            var tx = await db.OpenTransactionAsync();
            await db.ExecuteSqlAsync("LOCK TABLE baas_job IN SHARE MODE"); // INSERTs wait for it
            return new Hold(async () =>
            {
                await tx.RollbackAsync();
                await db.DisposeAsync();
            });
        }
        await db.ExecuteSqlAsync("BEGIN IMMEDIATE"); // SQLite: the one write lock; other writers wait (busy timeout)
        return new Hold(async () =>
        {
            await db.ExecuteSqlAsync("ROLLBACK");
            await db.DisposeAsync();
        });
    }

    private sealed class Hold(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }
}

public sealed class SqliteGroupedEnqueueTests(NodeFixture<OnSqlite> fixture) : GroupedEnqueueTests<OnSqlite>(fixture);

public sealed class PostgreSqlGroupedEnqueueTests(NodeFixture<OnPostgreSql> fixture) : GroupedEnqueueTests<OnPostgreSql>(fixture);
