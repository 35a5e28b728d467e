using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BaaS.Testing;

namespace MyApp.Tests;

/// <summary>
/// MyApp as it is deployed: <c>dotnet MyApp.dll</c> in Production, in a process of its own (its folder the content
/// root), on a test database, listening on a free loopback port. <see cref="KillAsync"/> is SIGKILL: no shutdown runs.
/// </summary>
public sealed class MyAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private MyAppProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the process listens.</summary>
    public string BaseUrl { get; }

    /// <summary>What the process wrote, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    /// <summary>MyApp's build output (MyApp.Tests builds it, without referencing it).</summary>
    public static string Dll => Path.Combine(Repo.Root, "MyApp", "bin", Repo.Configuration, "net10.0", "MyApp.dll");

    /// <summary>Starts MyApp with <paramref name="settings"/> (configuration keys, <c>:</c>-separated) and waits until it answers.</summary>
    public static async Task<MyAppProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        if (!File.Exists(Dll)) throw new InvalidOperationException($"{Dll} is missing: build MyApp.Tests (it builds MyApp) first.");
        var port = LoopbackPort.Free();
        var baseUrl = $"http://127.0.0.1:{port}";
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Dll, "--urls", baseUrl }) info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["PublicUrl"] = baseUrl;
        info.Environment["AllowedHosts"] = "127.0.0.1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = Process.Start(info) ?? throw new InvalidOperationException("MyApp did not start.");
        var app = new MyAppProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilAnsweringAsync();
        return app;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"MyApp exited with {_process.ExitCode} while starting:\n{Log}");
            try
            {
                using var response = await http.GetAsync("/metadata/app.json");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(90)) throw new TimeoutException($"MyApp did not answer within 90 s:\n{Log}");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
