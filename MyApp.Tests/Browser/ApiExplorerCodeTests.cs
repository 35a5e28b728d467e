using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BaaS;
using Microsoft.Playwright;
using MyApp.ServiceInterface;
using MyApp.ServiceModel;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

/// <summary>
/// The API Explorer's code snippets, read from the page after filling its form and run for real against the same
/// MyApp: curl by bash, Python with clients/python and /types/python, TypeScript compiled by tsc against
/// /types/typescript and run by node, C# built against MyApp.ServiceModel and BaaS.Client and run. Each answer is held
/// to the one the explorer showed (or the API gives), apart from a new order's id and times.
/// </summary>
[Collection(SqliteApp.Name)]
public sealed partial class ApiExplorerCodeTests(SqliteMyAppFixture host)
{
    private static readonly string Customer = DemoSeeder.EmailOf(Roles.Customer);
    private const string QuotedAddress = "12 O'Brien's \"Lane\", flat \\2";
    private const string QuotedReason = "Ordered twice, didn't mean to: \"sorry\" O'Neil";

    private string CustomerPassword => host.DemoPasswords()[Customer];

    [Fact]
    public async Task PlaceOrder_curl_and_python_signed_in_as_the_customer_answer_as_the_explorer_did()
    {
        await using var browser = await OpenPlaceOrderAsync();
        var shown = await SendAsync(browser);

        var curl = await SnippetAsync(browser, "curl");
        Assert.DoesNotContain(CustomerPassword, curl);
        Assert.Contains("/orders'", curl);
        var fromCurl = await RunCurlAsync(curl);
        AssertSameOrder(shown, fromCurl);

        var python = await SnippetAsync(browser, "python");
        Assert.DoesNotContain(CustomerPassword, python);
        AssertSameOrder(shown, await RunPythonAsync(python));
        await browser.ScreenshotAsync("explorer-code-python");
    }

    [Fact]
    public async Task An_anonymous_query_by_route_gives_the_same_json_from_curl_and_python_and_copies()
    {
        await using var browser = await TestBrowser.OpenAsync(host.BaseUrl, "sqlite");
        await browser.OpenOperationAsync("QueryMenuItems", "restaurantId=1&nameContains=r&take=3");
        await browser.Page.GetByTestId("send").ClickAsync();
        await Expect(browser.Page.GetByTestId("response-status")).ToContainTextAsync("200");
        var shown = await browser.ResponseTextAsync();

        var curl = await SnippetAsync(browser, "curl");
        Assert.Contains("/restaurants/1/menu?", curl); // the route that takes the restaurant's id
        Assert.DoesNotContain("Authorization", curl);
        var output = await RunBashAsync(curl);
        // The same JSON as the page received, both formatted alike (by the page's JSON.stringify).
        const string Format = "text => JSON.stringify(JSON.parse(text), null, 2)";
        Assert.Equal(await browser.Page.EvaluateAsync<string>(Format, shown), await browser.Page.EvaluateAsync<string>(Format, output));
        using var anonymous = new BaaS.Client.JsonApiClient(host.BaseUrl);
        var api = await anonymous.SendAsync(new QueryMenuItems { RestaurantId = 1, NameContains = "r", Take = 3 });
        Assert.Equal(api.Results.Count, JsonNode.Parse(output)!["results"]!.AsArray().Count);

        var python = await SnippetAsync(browser, "python");
        Assert.Contains("QueryMenuItems(restaurant_id=1, name_contains=\"r\", take=3)", python);
        AssertSameJson(JsonNode.Parse(shown)!, await RunPythonAsync(python), []);

        await browser.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await browser.Page.GetByTestId("code-copy").ClickAsync();
        await Expect(browser.Page.GetByTestId("code-copy")).ToHaveTextAsync("Copied");
        Assert.Equal(python, await browser.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await browser.ScreenshotAsync("explorer-code-query");
    }

    [Fact]
    public async Task UpdateOrderStatus_with_an_enum_and_a_quoted_reason_runs_from_curl_and_python()
    {
        using var customer = host.As(await host.SignInAsync(Customer, CustomerPassword));
        var menu = await MenuItemAsync();
        var first = await customer.SendAsync(new PlaceOrder { RestaurantId = 1, Items = [new OrderLine { MenuItemId = menu }] });
        var second = await customer.SendAsync(new PlaceOrder { RestaurantId = 1, Items = [new OrderLine { MenuItemId = menu }] });

        await using var browser = await TestBrowser.OpenAsync(host.BaseUrl, "sqlite");
        await browser.OpenOperationAsync("UpdateOrderStatus", $"id={first.Id}&status=Cancelled");
        await browser.SignInToExplorerAsync(Customer, CustomerPassword);
        await browser.Field("Reason").FillAsync(QuotedReason);

        var curl = await SnippetAsync(browser, "curl");
        Assert.Contains($"/orders/{first.Id}/status'", curl);
        var cancelled = await RunCurlAsync(curl);
        Assert.Equal("Cancelled", (string?)cancelled["status"]);
        Assert.Equal(QuotedReason, (string?)cancelled["cancelReason"]);

        var python = await SnippetAsync(browser, "python");
        Assert.Contains("status=OrderStatus.Cancelled", python);
        var forSecond = python.Replace($"id={first.Id},", $"id={second.Id},", StringComparison.Ordinal);
        Assert.NotEqual(python, forSecond);
        var fromPython = await RunPythonAsync(forSecond);
        Assert.Equal("Cancelled", (string?)fromPython["status"]);
        Assert.Equal(QuotedReason, (string?)fromPython["cancelReason"]);
        Assert.Equal(OrderStatus.Cancelled, (await customer.SendAsync(new QueryMyOrders { Id = second.Id })).Results.Single().Status);

        Assert.Contains("Status = OrderStatus.Cancelled", await SnippetAsync(browser, "csharp"));
        Assert.Contains("status: OrderStatus.Cancelled", await SnippetAsync(browser, "typescript"));
    }

    [Fact]
    public async Task TypeScript_and_csharp_snippets_compile_against_the_apps_dtos_and_answer_as_the_explorer_did()
    {
        var snippets = new Dictionary<string, (string Ts, string Cs)>();
        JsonNode shownOrder, shownMenu;
        await using (var browser = await OpenPlaceOrderAsync())
        {
            shownOrder = await SendAsync(browser);
            snippets["placeOrder"] = (await SnippetAsync(browser, "typescript"), await SnippetAsync(browser, "csharp"));
            await browser.Page.GotoAsync("/ui/UpdateOrderStatus?id=1&status=Accepted");
            await browser.Field("Reason").FillAsync(QuotedReason);
            snippets["updateStatus"] = (await SnippetAsync(browser, "typescript"), await SnippetAsync(browser, "csharp"));
        }
        await using (var browser = await TestBrowser.OpenAsync(host.BaseUrl, "sqlite"))
        {
            await browser.OpenOperationAsync("QueryMenuItems", "restaurantId=1&take=2");
            await browser.Page.GetByTestId("send").ClickAsync();
            await Expect(browser.Page.GetByTestId("response-status")).ToContainTextAsync("200");
            shownMenu = JsonNode.Parse(await browser.ResponseTextAsync())!;
            snippets["queryMenu"] = (await SnippetAsync(browser, "typescript"), await SnippetAsync(browser, "csharp"));
        }
        Assert.Contains("import { Authenticate, OrderLine, PlaceOrder } from './dtos'", snippets["placeOrder"].Ts);
        Assert.Contains("items: [new OrderLine({", snippets["placeOrder"].Ts);
        Assert.Contains("Items = [new OrderLine {", snippets["placeOrder"].Cs);
        Assert.Contains("import { Authenticate, OrderStatus, UpdateOrderStatus } from './dtos'", snippets["updateStatus"].Ts);

        var ts = await CompileTypeScriptAsync(snippets.ToDictionary(s => s.Key, s => s.Value.Ts));
        AssertSameOrder(shownOrder, await RunJsonAsync("node", [Path.Combine("out", "placeOrder.js")], ts));
        AssertSameJson(shownMenu, await RunJsonAsync("node", [Path.Combine("out", "queryMenu.js")], ts), []);

        var cs = await BuildCSharpAsync(snippets.ToDictionary(s => s.Key, s => s.Value.Cs));
        var dll = Path.Combine("bin", Repo.Configuration, "net10.0", "Snippets.dll");
        AssertSameOrder(shownOrder, await RunJsonAsync("dotnet", [dll, "placeOrder"], cs));
        AssertSameJson(shownMenu, await RunJsonAsync("dotnet", [dll, "queryMenu"], cs), []);
    }

    // ---- the page -----------------------------------------------------------------------------------------------

    private async Task<int> MenuItemAsync()
    {
        using var anonymous = new BaaS.Client.JsonApiClient(host.BaseUrl);
        return (await anonymous.SendAsync(new QueryMenuItems { RestaurantId = 1, Take = 1 })).Results.Single().Id;
    }

    /// <summary>PlaceOrder signed in as the demo customer, with a dish of the first demo restaurant and a quoted address.</summary>
    private async Task<BrowserSession> OpenPlaceOrderAsync()
    {
        var menu = await MenuItemAsync();
        var browser = await TestBrowser.OpenAsync(host.BaseUrl, "sqlite");
        await browser.OpenOperationAsync("PlaceOrder");
        await browser.SignInToExplorerAsync(Customer, CustomerPassword);
        await browser.Page.GetByTestId("tab-json").ClickAsync();
        var request = new JsonObject
        {
            ["restaurantId"] = 1, ["deliveryAddress"] = QuotedAddress,
            ["items"] = new JsonArray(new JsonObject { ["menuItemId"] = menu, ["quantity"] = 2 }),
        };
        await browser.Page.GetByTestId("request-json").FillAsync(request.ToJsonString());
        return browser;
    }

    private static async Task<JsonNode> SendAsync(BrowserSession browser)
    {
        await browser.Page.GetByTestId("send").ClickAsync();
        await Expect(browser.Page.GetByTestId("response-status")).ToContainTextAsync("200");
        return JsonNode.Parse(await browser.ResponseTextAsync())!;
    }

    private static async Task<string> SnippetAsync(BrowserSession browser, string language)
    {
        await browser.Page.GetByTestId($"code-tab-{language}").ClickAsync();
        var code = browser.Page.GetByTestId($"code-{language}");
        await Expect(code).ToBeVisibleAsync();
        return (await code.TextContentAsync())!;
    }

    // ---- running the snippets -----------------------------------------------------------------------------------

    private static string Scratch(string name)
    {
        var folder = Path.Combine(Repo.TestsFolder, "obj", "explorer-snippets", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private Dictionary<string, string> Environment => new() { ["BAAS_PASSWORD"] = CustomerPassword };

    private async Task<string> RunBashAsync(string script)
    {
        var result = await Repo.RunAsync("bash", ["-c", script], Scratch("curl"), Environment, timeout: TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output;
    }

    private async Task<JsonNode> RunCurlAsync(string script) => JsonNode.Parse(await RunBashAsync(script))!;

    /// <summary>Runs a program and reads the JSON it printed (the whole output, or its <c>JSON </c> line).</summary>
    private async Task<JsonNode> RunJsonAsync(string file, IEnumerable<string> args, string folder, Dictionary<string, string>? extra = null)
    {
        var env = Environment;
        foreach (var (k, v) in extra ?? []) env[k] = v;
        var result = await Repo.RunAsync(file, args, folder, env, timeout: TimeSpan.FromSeconds(90));
        Assert.True(result.ExitCode == 0, result.ToString());
        var marked = result.Output.ReplaceLineEndings("\n").Split('\n').FirstOrDefault(l => l.StartsWith("JSON ", StringComparison.Ordinal));
        return JsonNode.Parse(marked is null ? result.Output : marked[5..])!;
    }

    /// <summary>The Python snippet run as written; a harness prints its <c>response</c> as the client sends JSON.</summary>
    private async Task<JsonNode> RunPythonAsync(string snippet)
    {
        var folder = Scratch("python");
        await File.WriteAllTextAsync(Path.Combine(folder, "dtos.py"), await host.Server.Http.GetTextAsync("/types/python"));
        await File.WriteAllTextAsync(Path.Combine(folder, "main.py"), snippet);
        await File.WriteAllTextAsync(Path.Combine(folder, "harness.py"), """
            import runpy
            from baas_client.wire import to_json
            print("JSON " + to_json(runpy.run_path("main.py")["response"]))
            """);
        return await RunJsonAsync("python3", ["harness.py"], folder, new()
        {
            ["PYTHONPATH"] = Path.Combine(Repo.Root, "clients", "python"), ["PYTHONDONTWRITEBYTECODE"] = "1",
        });
    }

    /// <summary>Every snippet as its own module beside /types/typescript's dtos.ts, compiled by one tsc run.</summary>
    private async Task<string> CompileTypeScriptAsync(Dictionary<string, string> snippets)
    {
        Repo.RequireNodeModules();
        var folder = Scratch("typescript");
        await File.WriteAllTextAsync(Path.Combine(folder, "dtos.ts"), await host.Server.Http.GetTextAsync("/types/typescript"));
        foreach (var (name, code) in snippets) await File.WriteAllTextAsync(Path.Combine(folder, name + ".ts"), code);
        // process.env without @types/node (which the snippet's setup line names).
        await File.WriteAllTextAsync(Path.Combine(folder, "env.d.ts"), "declare const process: { env: Record<string, string | undefined> };\n");
        var files = string.Join(", ", snippets.Keys.Select(k => $"\"{k}.ts\"").Append("\"dtos.ts\"").Append("\"env.d.ts\""));
        await File.WriteAllTextAsync(Path.Combine(folder, "tsconfig.json"), $$"""
            {
              "compilerOptions": {
                "target": "ES2022", "module": "commonjs", "lib": ["ES2022", "DOM"], "strict": true,
                "strictPropertyInitialization": false, "noEmitOnError": true, "skipLibCheck": true, "types": [],
                "rootDir": ".", "outDir": "out"
              },
              "files": [{{files}}]
            }
            """);
        var tsc = await Repo.RunAsync("node", [Path.Combine(Repo.NodeModules, "typescript", "bin", "tsc"), "-p", "."], folder);
        Assert.True(tsc.ExitCode == 0, tsc.ToString());
        return folder;
    }

    /// <summary>
    /// The C# snippets (top-level statements) in one console app: their using directives at the top, each body a local
    /// function the first argument names.
    /// </summary>
    private static async Task<string> BuildCSharpAsync(Dictionary<string, string> snippets)
    {
        var folder = Scratch("csharp");
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        var program = new System.Text.StringBuilder();
        var bodies = new System.Text.StringBuilder();
        program.Append("switch (args[0])\n{\n");
        foreach (var (name, code) in snippets)
        {
            var lines = code.ReplaceLineEndings("\n").Split('\n');
            foreach (var line in lines.Where(l => UsingDirective().IsMatch(l))) usings.Add(line);
            program.Append($"    case \"{name}\": await {name}(); break;\n");
            bodies.Append($"\nstatic async Task {name}()\n{{\n");
            foreach (var line in lines.Where(l => !UsingDirective().IsMatch(l))) bodies.Append("    ").Append(line).Append('\n');
            bodies.Append("}\n");
        }
        program.Append("}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "Program.cs"), string.Join('\n', usings) + "\n\n" + program + bodies);
        await File.WriteAllTextAsync(Path.Combine(folder, "Snippets.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(Repo.Root, "MyApp.ServiceModel", "MyApp.ServiceModel.csproj")}" />
                <ProjectReference Include="{Path.Combine(Repo.Root, "src", "BaaS.Client", "BaaS.Client.csproj")}" />
              </ItemGroup>
            </Project>
            """);
        var build = await Repo.RunAsync("dotnet", ["build", "Snippets.csproj", "-c", Repo.Configuration, "-nologo", "-v", "q"], folder,
            timeout: TimeSpan.FromMinutes(5));
        Assert.True(build.ExitCode == 0, build.ToString());
        return folder;
    }

    // ---- comparing answers --------------------------------------------------------------------------------------

    /// <summary>The same order apart from what a new one changes: its ids and its times.</summary>
    private static void AssertSameOrder(JsonNode expected, JsonNode actual)
    {
        Assert.Equal(QuotedAddress, (string?)actual["deliveryAddress"]);
        AssertSameJson(expected, actual, ["id", "orderId"]);
    }

    private static void AssertSameJson(JsonNode expected, JsonNode actual, string[] ignored)
    {
        var (e, a) = (Comparable(expected, ignored), Comparable(actual, ignored));
        Assert.True(JsonNode.DeepEquals(e, a), $"expected\n{e?.ToJsonString()}\nactual\n{a?.ToJsonString()}");
    }

    /// <summary>
    /// A copy without nulls, the ignored keys and times (…At, …Date: each client writes dates its own way); numbers as
    /// decimals (12.90 and 12.9 are the same price).
    /// </summary>
    private static JsonNode? Comparable(JsonNode? node, string[] ignored) => node switch
    {
        JsonObject o => new JsonObject(o
            .Where(p => p.Value is not null && !ignored.Contains(p.Key) && !p.Key.EndsWith("At", StringComparison.Ordinal)
                && !p.Key.EndsWith("Date", StringComparison.Ordinal))
            .Select(p => KeyValuePair.Create(p.Key, Comparable(p.Value, ignored)))),
        JsonArray a => new JsonArray(a.Select(i => Comparable(i, ignored)).ToArray()),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => JsonValue.Create(v.GetValue<decimal>()),
        JsonValue v => JsonValue.Create(v.GetValue<object>().ToString()),
        _ => null,
    };

    [GeneratedRegex(@"^using [A-Za-z0-9_.]+;$")]
    private static partial Regex UsingDirective();
}
