using System.Diagnostics;
using System.Globalization;
using BaaS.Data;
using BaaS.Data.PostgreSQL;
using BaaS.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BaaS.Jobs.Tests;

/// <summary>
/// A jobs node in a process of its own: <c>--worker kind connection node concurrency leaseMs</c>. It prints
/// <c>ready</c> once it runs jobs, stops gracefully when its standard input closes, and is killed with SIGKILL by the
/// crash tests.
/// </summary>
public static class WorkerProcess
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (kind, connectionString, node) = (args[0], args[1], args[2]);
        var concurrency = int.Parse(args[3], CultureInfo.InvariantCulture);
        var lease = TimeSpan.FromMilliseconds(int.Parse(args[4], CultureInfo.InvariantCulture));
        DialectProvider dialect = kind == "PostgreSQL" ? PostgreSqlDialect.Instance : SqliteDialect.Instance;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IDbConnectionFactory>(new DbConnectionFactory(connectionString, dialect));
        builder.Services.AddBaaSJobs(o =>
        {
            o.UseDatabase(connectionString, dialect);
            o.NodeName = node;
            JobsNode.Fast(o);
            o.Concurrency = concurrency;
            o.ClaimBatchSize = concurrency;
            o.LeaseDuration = lease;
            o.LeaseRenewInterval = lease / 5;
        }, typeof(WorkerProcess).Assembly);
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine("ready");
        // Closing standard input is the parent's way to ask for a graceful stop.
        await Task.Run(() => Console.In.ReadToEnd());
        await host.StopAsync();
        return 0;
    }

    /// <summary>Starts a worker process and waits until it runs jobs.</summary>
    public static async Task<Process> StartAsync(TestDatabase database, string node, int concurrency, int leaseMs)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     typeof(WorkerProcess).Assembly.Location, "--worker", database.Dialect.Name, database.JobsConnectionString, node,
                     concurrency.ToString(CultureInfo.InvariantCulture), leaseMs.ToString(CultureInfo.InvariantCulture),
                 })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("The worker process did not start.");
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready != "ready")
        {
            var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(5));
            throw new InvalidOperationException($"Worker {node} did not start: {ready} {error}");
        }
        return process;
    }

    /// <summary>Asks a worker process to stop gracefully (closes its input), killing it if it takes too long.</summary>
    public static async Task StopAsync(Process process)
    {
        if (process.HasExited) return;
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            process.Kill();
        }
    }
}
