using System.Net;
using System.Net.Sockets;

namespace MyApp.Tests;

/// <summary>
/// A PostgreSQL cluster of the test's own, for tests that stop and start the server (never the shared one of
/// <c>BAAS_TEST_POSTGRES</c>): initdb in a temporary folder, <c>pg_ctl</c> from <c>/usr/lib/postgresql/*/bin</c> on a free
/// loopback port, run as the postgres user when the tests run as root (as <c>.ci/services.sh</c> does). Disposing it
/// stops the server and deletes the folder.
/// </summary>
public sealed class DedicatedPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;

    private DedicatedPostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _port = port;
    }

    /// <summary>The Npgsql connection string of the cluster's <c>postgres</c> database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres";

    private string Data => Path.Combine(_folder, "data");

    /// <summary>Creates the cluster and starts it.</summary>
    public static async Task<DedicatedPostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")))
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL's binaries are missing (/usr/lib/postgresql/*/bin): apt-get install postgresql, or run ./test.sh, which installs them.");
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("The dedicated PostgreSQL cluster runs on Linux.");
        var folder = Path.Combine(Path.GetTempPath(), "myapp-outage-" + Guid.NewGuid().ToString("N")[..12]);
        // The postgres user must reach its cluster inside.
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead |
            UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var cluster = new DedicatedPostgres(bin, folder, LoopbackPort.Free());
        try
        {
            if (Environment.IsPrivilegedProcess) await cluster.RunAsync("chown", ["-R", "postgres:postgres", folder], asPostgres: false);
            await cluster.RunAsync(Path.Combine(bin, "initdb"), ["-D", cluster.Data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
            await cluster.StartServerAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public Task StartServerAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -c unix_socket_directories={_folder} -c fsync=off -c max_connections=200", "start"]);

    /// <summary>Stops the server the way an administrator does (fast: open sessions are ended) and waits until it is down.</summary>
    public Task StopServerAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-m", "fast", "-w", "-t", "60", "stop"]);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "-t", "30", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }
        Directory.Delete(_folder, recursive: true);
    }

    private async Task RunAsync(string file, IEnumerable<string> args, bool asPostgres = true)
    {
        // PostgreSQL refuses to run as root: its programs run as the postgres user then.
        var (program, arguments) = asPostgres && Environment.IsPrivilegedProcess ? ("runuser", new[] { "-u", "postgres", "--", file }.Concat(args)) : (file, args);
        var result = await Repo.RunAsync(program, arguments, _folder, timeout: TimeSpan.FromSeconds(90));
        if (result.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException($"{file} failed: {result}\n{(File.Exists(log) ? await File.ReadAllTextAsync(log) : "")}");
        }
    }

}
