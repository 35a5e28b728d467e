using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BaaS.Testing;

/// <summary>
/// A redis-server of a test's own, for tests that stop and start it (an outage), so the run's shared server
/// (<see cref="RedisTestService"/>) is never disturbed: a child process on a free loopback port, without persistence,
/// stopped by its own process id. Restarting keeps the port, as a Redis coming back would.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private RedisServer(int port) => Port = port;

    /// <summary>The port it listens on (also while it is stopped: the address clients keep using).</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for it.</summary>
    public string ConfigurationString => $"127.0.0.1:{Port}";

    /// <summary>The running process's id, or null while stopped.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>A server on a free port, not started yet (clients pointed at it meet a closed port).</summary>
    public static RedisServer Create() => new(LoopbackPort.Free());

    /// <summary>Starts a server on a free port and waits until it accepts connections.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var server = Create();
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> and waits until it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">redis-server is not installed, or did not start within 30 seconds.</exception>
    public async Task StartAgainAsync()
    {
        if (ProcessId is not null) return;
        var info = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--loglevel", "warning" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("redis-server is required for this test: run ./test.sh, which installs it (or apt-get install redis-server).", e);
        }
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await AcceptsAsync())
        {
            if (_process.HasExited) throw new InvalidOperationException($"redis-server exited with {_process.ExitCode} (is port {Port} taken?).");
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"redis-server did not accept connections on port {Port} within 30 s.");
            await Task.Delay(20);
        }
    }

    /// <summary>Stops the server by its process id (SIGKILL: Redis gone at once, as in a crash) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process) return;
        _process = null;
        if (!process.HasExited) process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();
}
