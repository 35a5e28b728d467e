using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace MyApp.Tests;

/// <summary>
/// MyApp started as it is deployed: <c>dotnet MyApp.dll</c> from its build output, in Production, configured by
/// environment variables. A setting that cannot work stops it before anything is written, with exit code 1 and one
/// line on standard error naming the setting, never a stack trace.
/// </summary>
public sealed class StartupProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("myapp-startup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string DatabaseFile => Path.Combine(_folder, "app.db");

    /// <summary>A Production configuration that starts: SQLite in the test's folder, a key, the public URL and hosts.</summary>
    private Dictionary<string, string> Production() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        ["ConnectionStrings__DefaultConnection"] = $"Data Source={DatabaseFile}",
        ["ConnectionStrings__JobsConnection"] = $"Data Source={Path.Combine(_folder, "jobs.db")}",
        ["Auth__Jwt__Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["PublicUrl"] = "https://app.example.com",
        ["AllowedHosts"] = "app.example.com",
    };

    private async Task<ProcessResult> RunMyAppAsync(Dictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(Repo.Root, "MyApp", "bin", Repo.Configuration, "net10.0", "MyApp.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: MyApp.Tests builds MyApp first (its project reference).");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        return await Repo.RunAsync(dotnet, [dll, "--contentRoot", Path.Combine(Repo.Root, "MyApp"), .. args], _folder, environment,
            timeout: TimeSpan.FromSeconds(60));
    }

    private static string OneErrorLine(ProcessResult result)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Errors.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, "expected one line on standard error:\n" + result);
        Assert.DoesNotContain("   at ", result.Output + result.Errors, StringComparison.Ordinal);
        return lines[0];
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-base64")]
    public async Task A_bad_jwt_secret_exits_1_naming_the_setting_before_the_database_is_created(string secret)
    {
        var environment = Production();
        environment["Auth__Jwt__Secret"] = secret;
        var line = OneErrorLine(await RunMyAppAsync(environment));
        Assert.StartsWith("Configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains("Auth:Jwt:Secret", line, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabaseFile), "the database was created before the configuration was checked");
    }

    [Fact]
    public async Task A_missing_public_url_in_Production_exits_1_naming_it()
    {
        var environment = Production();
        environment.Remove("PublicUrl");
        var line = OneErrorLine(await RunMyAppAsync(environment));
        Assert.StartsWith("Configuration error: PublicUrl is not set", line, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabaseFile));
    }

    [Fact]
    public async Task A_setting_whose_value_does_not_convert_exits_1_naming_it_and_the_value()
    {
        var environment = Production();
        environment["BaaS__Auth__DenyList__FailureMode"] = "Ajar";
        var line = OneErrorLine(await RunMyAppAsync(environment));
        Assert.StartsWith("Configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains("'Ajar' at 'BaaS:Auth:DenyList:FailureMode'", line, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabaseFile), "the database was created before the configuration was checked");
    }

    [Fact]
    public async Task Commands_check_the_configuration_first_and_seed_nothing_when_it_cannot_work()
    {
        var environment = Production();
        environment["Auth__Jwt__Secret"] = "short";
        var line = OneErrorLine(await RunMyAppAsync(environment, "--seed"));
        Assert.Contains("Auth:Jwt:Secret", line, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabaseFile), "--seed wrote to the database before the configuration was checked");
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_is_retried_for_the_configured_time_then_exits_1_with_one_line()
    {
        var port = LoopbackPort.Free();
        var environment = Production();
        environment["ConnectionStrings__DefaultConnection"] = $"Host=127.0.0.1;Port={port};Database=myapp;Username=myapp;Password=hunter2-secret";
        environment.Remove("ConnectionStrings__JobsConnection");
        environment["Database__StartupRetrySeconds"] = "1";
        var result = await RunMyAppAsync(environment);
        var line = OneErrorLine(result);
        Assert.StartsWith("Database error: The database cannot be reached", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("Database:StartupRetrySeconds", line, StringComparison.Ordinal);
        Assert.Contains("retrying in", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", result.Output + result.Errors, StringComparison.Ordinal);
    }

}
