using System.Text.RegularExpressions;
using BaaS.Auth;
using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;
using MyApp.ServiceInterface;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// The TypeScript, C# and Python programs of Programs/ against the live MyApp (its startup modules, SQLite, demo data):
/// DTOs generated from MyApp's /types/{language}, compiled once with the real compiler in a scratch copy under obj/
/// (the test-server tests use Programs/ itself at the same time), then run signed in as the demo Owner with the
/// password MyApp printed. The access token expires by moving MyApp's clock, so each client must refresh for real.
/// Also the README's TypeScript tour, compiled with the same tsc run.
/// </summary>
public partial class MyAppProgramTests(MyAppProgramTests.MyAppServer server) : IClassFixture<MyAppProgramTests.MyAppServer>
{
    private static readonly string[] Steps =
        ["ok anonymous-refused", "ok signed-in", "ok created 3", "ok queried", "ok patched", "ok deleted", "ok validation", "ok refreshed", "done"];

    private static string Scratch(string language)
    {
        var folder = Path.Combine(Repo.TestsFolder, "obj", "myapp-programs", language);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Runs a program in MyApp mode as the demo owner; moves MyApp's clock past the token's life when it asks.</summary>
    private async Task RunProgramAsync(string file, IEnumerable<string> args, string folder, Dictionary<string, string>? environment = null)
    {
        var env = new Dictionary<string, string>(environment ?? [])
        {
            ["BAAS_BASE_URL"] = server.BaseUrl,
            ["BAAS_SERVER"] = "myapp",
            ["BAAS_USER"] = DemoSeeder.EmailOf(Roles.Owner),
            ["BAAS_PASSWORD"] = server.Passwords[DemoSeeder.EmailOf(Roles.Owner)],
        };
        var refreshesBefore = await server.UsedRefreshTokensAsync();
        var result = await Repo.RunAsync(file, args, folder, env, async (line, stdin) =>
        {
            if (line != "waiting-for-expiry") return;
            server.Clock.Advance(TimeSpan.FromMinutes(20)); // access tokens live 15 minutes
            await stdin.WriteLineAsync("go");
            await stdin.FlushAsync();
        }, TimeSpan.FromSeconds(90));
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.ReplaceLineEndings("\n").Split('\n');
        foreach (var step in Steps)
            Assert.True(lines.Any(l => l.StartsWith(step, StringComparison.Ordinal)), $"missing '{step}':\n{result}");
        Assert.DoesNotContain(lines, l => l.StartsWith("ok shapes", StringComparison.Ordinal));
        Assert.True(await server.UsedRefreshTokensAsync() > refreshesBefore, "the program's client never traded its refresh token");
    }

    [Fact]
    public async Task TypeScript_program_compiles_against_MyApps_dtos_and_signs_in_crud_queries_validates_and_refreshes()
    {
        var folder = await server.CompileTypeScriptAsync();
        await RunProgramAsync("node", [Path.Combine("out", "main.js")], folder);
    }

    [Fact]
    public async Task Readme_typescript_tour_orders_and_follows_the_order_to_the_door()
    {
        var folder = await server.CompileTypeScriptAsync();
        var env = new Dictionary<string, string> { ["MYAPP_URL"] = server.BaseUrl };
        foreach (var role in new[] { Roles.Customer, Roles.Owner, Roles.Courier })
            env[role.ToUpperInvariant() + "_PASSWORD"] = server.Passwords[DemoSeeder.EmailOf(role)];
        var result = await Repo.RunAsync("node", [Path.Combine("out", "tour.js")], folder, env, timeout: TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.ToString());
        var output = result.Output.ReplaceLineEndings("\n");
        var placed = PlacedLine().Match(output);
        Assert.True(placed.Success, result.ToString());
        var orderId = int.Parse(placed.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var status in new[] { "Accepted", "Preparing", "OutForDelivery", "Delivered" })
        {
            Assert.Contains($"order {orderId} is {status}\n", output);
            // ServerEventsClient with the generated OrderStatusChanged heard each move on the order's channel.
            Assert.Contains($"live: order {orderId} is {status}\n", output);
        }
        Assert.Contains("Items 'Items' must not be empty.", output);
        Assert.EndsWith("done\n", output);

        await using var db = await server.Factory.OpenAsync();
        Assert.Equal(OrderStatus.Delivered, (await db.SingleByIdAsync<Order>(orderId))!.Status);
        Assert.Equal(5, (await db.SingleAsync<Review>(r => r.OrderId == orderId))!.Rating);
    }

    [Fact]
    public async Task Readme_typescript_tour_is_the_program_the_tests_run()
    {
        var readme = (await File.ReadAllTextAsync(Path.Combine(Repo.Root, "README.md"))).ReplaceLineEndings("\n");
        var block = ReadmeBlock().Match(readme);
        Assert.True(block.Success, "README.md has no ```ts block after <!-- snippet: readme-typescript-tour -->");
        var program = (await File.ReadAllTextAsync(Path.Combine(Repo.Programs, "typescript", "tour.ts"))).ReplaceLineEndings("\n");
        var region = TourRegion().Match(program);
        Assert.True(region.Success, "tour.ts has no region readme-typescript-tour");
        Assert.Equal(CodeText.Normalize(region.Groups["code"].Value), CodeText.Normalize(block.Groups["code"].Value));
    }

    [Fact]
    public async Task CSharp_program_builds_against_MyApps_dtos_and_signs_in_crud_queries_validates_and_refreshes()
    {
        var folder = Scratch("csharp");
        var program = Path.Combine(Repo.Programs, "csharp", "Client", "Program.cs");
        var client = Path.Combine(Repo.Root, "src", "BaaS.Client", "BaaS.Client.csproj");
        var contract = Path.Combine(Repo.Root, "src", "BaaS.Interfaces", "BaaS.Interfaces.csproj");
        Directory.CreateDirectory(Path.Combine(folder, "Dtos"));
        Directory.CreateDirectory(Path.Combine(folder, "Client"));
        // The same program as Programs/csharp, built with MYAPP (no shape steps, MyApp's own validation rules).
        await File.WriteAllTextAsync(Path.Combine(folder, "Dtos", "Dtos.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup><ProjectReference Include="{contract}" /></ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "Client", "Client.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <DefineConstants>$(DefineConstants);MYAPP</DefineConstants>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
              </PropertyGroup>
              <ItemGroup><Compile Include="{program}" /></ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../Dtos/Dtos.csproj" />
                <ProjectReference Include="{client}" />
              </ItemGroup>
            </Project>
            """);
        var dtos = await server.Http.GetTextAsync("/types/csharp?GlobalNamespace=NativeClient.Dtos");
        await File.WriteAllTextAsync(Path.Combine(folder, "Dtos", "dtos.cs"), dtos);

        var build = await Repo.RunAsync("dotnet", ["build", Path.Combine("Client", "Client.csproj"), "-c", Repo.Configuration, "-nologo", "-v", "q"], folder);
        Assert.True(build.ExitCode == 0, build.ToString());
        await RunProgramAsync("dotnet", [Path.Combine("Client", "bin", Repo.Configuration, "net10.0", "Client.dll")], folder);
    }

    [Fact]
    public async Task Python_program_compiles_against_MyApps_dtos_and_signs_in_crud_queries_validates_and_refreshes()
    {
        var folder = Scratch("python");
        File.Copy(Path.Combine(Repo.Programs, "python", "main.py"), Path.Combine(folder, "main.py"), overwrite: true);
        await File.WriteAllTextAsync(Path.Combine(folder, "dtos.py"), await server.Http.GetTextAsync("/types/python"));
        var compile = await Repo.RunAsync("python3", ["-m", "py_compile", "dtos.py", "main.py"], folder);
        Assert.True(compile.ExitCode == 0, compile.ToString());
        await RunProgramAsync("python3", ["main.py"], folder,
            new Dictionary<string, string> { ["PYTHONPATH"] = Path.Combine(Repo.Root, "clients", "python"), ["PYTHONDONTWRITEBYTECODE"] = "1" });
    }

    [GeneratedRegex(@"^placed order (?<id>\d+) at ", RegexOptions.Multiline)]
    private static partial Regex PlacedLine();

    [GeneratedRegex(@"<!--\s*snippet:\s*readme-typescript-tour\s*-->\s*\n```ts\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ReadmeBlock();

    [GeneratedRegex(@"// #region snippet:readme-typescript-tour[^\n]*\n(?<code>.*?)\n[ \t]*// #endregion", RegexOptions.Singleline)]
    private static partial Regex TourRegion();

    /// <summary>
    /// MyApp as <c>dotnet run</c> starts it, on a SQLite file of its own and a clock the tests can move; the demo users'
    /// printed passwords are captured instead of going to the console.
    /// </summary>
    public sealed partial class MyAppServer : IAsyncLifetime
    {
        private TestServer _server = null!;
        private TestDatabase _database = null!;
        private readonly StringWriter _printed = new();
        private Task<string>? _typeScript;

        public string BaseUrl => _server.BaseUrl;

        public HttpClient Http => _server.Http;

        public ShiftedClock Clock { get; } = new();

        public Dictionary<string, string> Passwords { get; } = new(StringComparer.OrdinalIgnoreCase);

        public IDbConnectionFactory Factory => _server.Services.GetRequiredService<IDbConnectionFactory>();

        public async Task InitializeAsync()
        {
            _database = await TestDatabase.CreateAsync(TestDatabaseKind.SqliteFile, "myapp_programs");
            // The clock is registered after MyApp's modules, so it replaces the system clock they register.
            _server = await MyAppTestServer.StartAsync(_database, _printed,
                configure: o => o.ConfigureBuilder += b => b.Services.AddSingleton<TimeProvider>(Clock));
            foreach (var (email, password) in DemoCredentialsOutput.ReadPasswords(_printed.ToString())) Passwords[email] = password;
            Assert.Equal(DemoSeeder.Accounts.Count, Passwords.Count);
        }

        /// <summary>
        /// main.ts and tour.ts with MyApp's dtos.ts, compiled by one tsc run in a scratch folder (shapes.ts, which needs
        /// the test server's DTOs, is left out). Answers the folder.
        /// </summary>
        public Task<string> CompileTypeScriptAsync() => _typeScript ??= CompileAsync();

        private async Task<string> CompileAsync()
        {
            Repo.RequireNodeModules();
            var folder = Scratch("typescript");
            var source = Path.Combine(Repo.Programs, "typescript");
            foreach (var file in new[] { "main.ts", "tour.ts" }) File.Copy(Path.Combine(source, file), Path.Combine(folder, file), overwrite: true);
            var tsconfig = (await File.ReadAllTextAsync(Path.Combine(source, "tsconfig.json")))
                .Replace("\"files\": [\"main.ts\", \"shapes.ts\", \"dtos.ts\"]", "\"files\": [\"main.ts\", \"tour.ts\", \"dtos.ts\"]", StringComparison.Ordinal);
            Assert.Contains("tour.ts", tsconfig);
            await File.WriteAllTextAsync(Path.Combine(folder, "tsconfig.json"), tsconfig);
            await File.WriteAllTextAsync(Path.Combine(folder, "dtos.ts"), await Http.GetTextAsync("/types/typescript"));
            var tsc = await Repo.RunAsync("node", [Path.Combine(Repo.NodeModules, "typescript", "bin", "tsc"), "-p", "."], folder);
            Assert.True(tsc.ExitCode == 0, tsc.ToString());
            return folder;
        }

        /// <summary>How many of the demo owner's refresh tokens have been traded in.</summary>
        public async Task<long> UsedRefreshTokensAsync()
        {
            await using var db = await Factory.OpenAsync();
            var owner = (await db.SingleAsync<BaaSUser>(u => u.NormalizedEmail == DemoSeeder.EmailOf(Roles.Owner).ToUpperInvariant()))!.Id;
            return await db.CountAsync<BaaSRefreshToken>(t => t.UserId == owner && t.UsedAt != null);
        }

        public async Task DisposeAsync()
        {
            await _server.DisposeAsync();
            await _database.DisposeAsync();
        }

    }

    /// <summary>The system clock, moved forward by the tests.</summary>
    public sealed class ShiftedClock : TimeProvider
    {
        private long _offsetTicks;

        public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
    }
}
