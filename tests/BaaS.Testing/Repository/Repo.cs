using System.Diagnostics;
using System.Text;

namespace BaaS.Testing;

/// <summary>Paths in the repository, and running the real toolchains (node, tsc, dotnet, python3).</summary>
public static class Repo
{
    /// <summary>The repository's root (the folder of BaaS.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// tests/BaaS.NativeTypes.Tests: the client programs (<see cref="Programs"/>) and the npm packages
    /// (<see cref="NodeModules"/>) that the native-types tests and MyApp's program tests compile and run.
    /// </summary>
    public static string TestsFolder => Path.Combine(Root, "tests", "BaaS.NativeTypes.Tests");

    /// <summary>The TypeScript, C# and Python client programs.</summary>
    public static string Programs => Path.Combine(TestsFolder, "Programs");

    /// <summary>The npm packages ./test.sh installs from the native-types tests' lock file.</summary>
    public static string NodeModules => Path.Combine(TestsFolder, "node_modules");

    /// <summary>Fails with instructions when the npm packages the tests need are missing.</summary>
    public static void RequireNodeModules()
    {
        foreach (var package in new[] { "typescript", "@servicestack/client", "@apidevtools/swagger-parser", "eventsource" })
            if (!Directory.Exists(Path.Combine(NodeModules, package)))
                throw new InvalidOperationException(
                    $"npm package {package} is missing from {NodeModules}: run ./test.sh (or `npm ci` in tests/BaaS.NativeTypes.Tests).");
    }

    /// <summary>The build configuration of the tests (Debug or Release), to build programs the same way.</summary>
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>Runs a process to its end; <paramref name="onLine"/> sees each stdout line and may answer on stdin.</summary>
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, string workingDirectory,
        IDictionary<string, string>? environment = null, Func<string, StreamWriter, Task>? onLine = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = new StringBuilder();
        var errors = new StringBuilder();
        var stderr = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line) lock (errors) errors.AppendLine(line);
        });
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                lock (output) output.AppendLine(line);
                if (onLine is not null) await onLine(line, process.StandardInput);
            }
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', info.ArgumentList)} did not finish in time.\n{output}\n{errors}");
        }
        await stderr;
        return new ProcessResult(process.ExitCode, output.ToString(), errors.ToString());
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BaaS.sln"))) return dir.FullName;
        throw new InvalidOperationException("BaaS.sln not found above " + AppContext.BaseDirectory);
    }
}
