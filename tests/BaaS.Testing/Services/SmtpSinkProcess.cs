using System.Diagnostics;
using System.Net.Sockets;

namespace BaaS.Testing;

/// <summary>
/// An SMTP test server of a test's own (.ci/smtp_sink.py under Debian's python3, like the run's shared one), on a port
/// the test chooses: for tests that stop and start the server (an outage). Disposing stops it (by its own process) and
/// deletes its messages.
/// </summary>
public sealed class SmtpSinkProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SmtpSinkProcess(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Mailbox = new SmtpMailbox(folder);
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>What it received.</summary>
    public SmtpMailbox Mailbox { get; }

    /// <summary>Starts a server on 127.0.0.1:<paramref name="port"/> and waits for its greeting.</summary>
    /// <exception cref="InvalidOperationException">aiosmtpd is missing, or the server did not start.</exception>
    public static async Task<SmtpSinkProcess> StartAsync(int port, string? folder = null)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "baas-smtp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { Path.Combine(Repo.Root, ".ci", "smtp_sink.py"), "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), folder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var sink = new SmtpSinkProcess(process, port, folder);
        var clock = Stopwatch.StartNew();
        while (!await GreetsAsync(port))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                var errors = process.HasExited ? await process.StandardError.ReadToEndAsync() : "(no answer)";
                await sink.DisposeAsync();
                throw new InvalidOperationException($"The SMTP test server did not start on 127.0.0.1:{port} (apt-get install python3-aiosmtpd): {errors}");
            }
            await Task.Delay(50);
        }
        return sink;
    }

    private static async Task<bool> GreetsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            var buffer = new byte[3];
            var read = await client.GetStream().ReadAtLeastAsync(buffer, 3, throwOnEndOfStream: false);
            return read == 3 && buffer[0] == (byte)'2' && buffer[1] == (byte)'2' && buffer[2] == (byte)'0';
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(Mailbox.Folder, recursive: true); } catch (IOException) { }
    }
}
