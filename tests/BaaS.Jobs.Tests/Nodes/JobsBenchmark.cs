using System.Diagnostics;
using System.Globalization;
using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BaaS.Jobs.Tests;

/// <summary>
/// Measures (not a test): <c>--bench kind jobs nodes</c>. Enqueue rate from one caller and from eight, then jobs per
/// second from enqueue to completed for a no-op command, with the given number of worker nodes in this process.
/// </summary>
public static class JobsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var kind = args[0];
        var count = int.Parse(args[1], CultureInfo.InvariantCulture);
        var nodes = int.Parse(args[2], CultureInfo.InvariantCulture);
        var database = await TestDatabase.CreateAsync(JobsDatabaseExtensions.KindNamed(kind), "jobs_tests");
        var keep = args.Length > 3 && args[3] == "keep"; // leave the database for inspection
        try
        {
            return await RunAsync(database, kind, count, nodes);
        }
        finally
        {
            if (keep) Console.WriteLine($"kept: {database.JobsConnectionString}");
            else await database.DisposeAsync();
        }
    }

    private static async Task<int> RunAsync(TestDatabase database, string kind, int count, int nodes)
    {
        Console.WriteLine($"{kind}: {count} no-op jobs, {nodes} node(s), {Environment.ProcessorCount} cores");

        // Enqueue only: a node that does not run jobs.
        using (var enqueuer = await StartAsync(database, "enqueuer", runWorker: false))
        {
            var jobs = enqueuer.Services.CreateScope().ServiceProvider.GetRequiredService<IBackgroundJobs>();
            await jobs.EnqueueCommandAsync<NoopCommand>(0); // warm up
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++) await jobs.EnqueueCommandAsync<NoopCommand>(i);
            Report("enqueue, 1 caller", count, clock.Elapsed);
            clock.Restart();
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                using var scope = enqueuer.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<IBackgroundJobs>().EnqueueCommandAsync<NoopCommand>(i, cancellationToken: ct);
            });
            Report("enqueue, 8 callers", count, clock.Elapsed);

            // Drain what was queued: completed by the worker nodes.
            var total = 2 * count + 1;
            clock.Restart();
            var workers = new List<IHost>();
            for (var n = 0; n < nodes; n++) workers.Add(await StartAsync(database, $"worker-{n}", runWorker: true));
            var store = enqueuer.Services.GetRequiredService<JobStore>();
            while ((await store.CountByStateAsync(default))[JobState.Completed] < total) await Task.Delay(100);
            Report($"run queued jobs to completed, {nodes} node(s)", total, clock.Elapsed);

            // Enqueue and run at the same time, from 8 callers.
            clock.Restart();
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                using var scope = enqueuer.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<IBackgroundJobs>().EnqueueCommandAsync<NoopCommand>(i, cancellationToken: ct);
            });
            while ((await store.CountByStateAsync(default))[JobState.Completed] < total + count) await Task.Delay(100);
            Report($"enqueue (8 callers) to completed, {nodes} node(s)", count, clock.Elapsed);
            foreach (var worker in workers)
            {
                await worker.StopAsync();
                worker.Dispose();
            }

            // Move every finished job to the archive (the enqueuer archives at once: ArchiveAfter is zero there).
            clock.Restart();
            var archived = await store.ArchiveAsync(int.MaxValue, default);
            Report("archive finished jobs", archived, clock.Elapsed);
        }
        return 0;
    }

    private static void Report(string what, int jobs, TimeSpan elapsed) =>
        Console.WriteLine($"  {what,-45} {jobs,7} jobs in {elapsed.TotalSeconds,6:0.00} s = {jobs / elapsed.TotalSeconds,8:0} jobs/s");

    private static async Task<IHost> StartAsync(TestDatabase database, string node, bool runWorker)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IDbConnectionFactory>(new DbConnectionFactory(database.ConnectionString, database.Dialect));
        builder.Services.AddBaaSJobs(o =>
        {
            o.UseDatabase(database.JobsConnectionString, database.Dialect);
            o.NodeName = node;
            o.RunWorker = runWorker;
            o.Concurrency = 64;
            o.ClaimBatchSize = 64;
            o.PollInterval = TimeSpan.FromMilliseconds(50);
            // BAAS_BENCH_NOTIFICATIONS=off measures PostgreSQL without LISTEN/NOTIFY wake-ups, in the same build.
            o.Notifications = Environment.GetEnvironmentVariable("BAAS_BENCH_NOTIFICATIONS") != "off";
            if (!runWorker) o.ArchiveAfter = TimeSpan.Zero; // only the enqueuer archives, when asked, after the runs
        }, typeof(JobsBenchmark).Assembly);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
