using System.Net;
using System.Text.Json;
using BaaS.Ui;
using Microsoft.Extensions.Configuration;

namespace BaaS.Ui.Tests;

/// <summary>
/// /ui from the same embedded build as the Admin UI: the explorer's page (ui.html) for every route under it, with its
/// CSP; its scripts under /admin-ui/assets (and its icon) even when the Admin UI is off; on in Development only unless configured;
/// described as plugins.apiExplorer; the retired Swagger UI's address sends browsers to it.
/// </summary>
public sealed class ApiExplorerServingTests
{
    private static Task<TestServer> StartAsync(string environment, Action<ExplorerSetup>? configure = null,
        Dictionary<string, string?>? settings = null) =>
        TestServer.StartAsync(o =>
        {
            o.Dialect = TestDatabaseKind.SqliteMemory;
            o.EnvironmentName = environment;
            foreach (var (key, value) in settings ?? []) o.Configuration[key] = value;
            o.ConfigureServices += s => configure?.Invoke(new ExplorerSetup(s, o));
        });

    /// <summary>What a test adds: the explorer alone, or with the Admin UI (the configuration is the server's).</summary>
    public sealed record ExplorerSetup(Microsoft.Extensions.DependencyInjection.IServiceCollection Services, TestServerOptions Options);

    private static void ExplorerFromConfiguration(ExplorerSetup s) =>
        s.Services.AddApiExplorer(configuration: new ConfigurationBuilder().AddInMemoryCollection(s.Options.Configuration).Build());

    [Theory]
    [InlineData("/ui")]
    [InlineData("/ui/")]
    [InlineData("/ui/PlaceOrder?restaurantId=1&items=%5B%7B%22menuItemId%22%3A3%7D%5D")]
    public async Task Every_route_under_ui_is_the_explorers_page_with_its_own_policy(string path)
    {
        await using var server = await StartAsync("Development", s => s.Services.AddApiExplorer());
        using var response = await server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>API Explorer</title>", html, StringComparison.Ordinal);
        Assert.Equal(AdminUiFeature.ContentSecurityPolicy, string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Without_the_admin_ui_the_explorer_still_serves_the_scripts_and_icon_its_page_loads_and_no_admin_page()
    {
        await using var server = await StartAsync("Development", s => s.Services.AddApiExplorer());
        var html = await server.Http.GetStringAsync("/ui/");
        var referenced = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"(/admin-ui/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(referenced, r => r.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(referenced, r => r.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains("/admin-ui/favicon.svg", referenced);
        foreach (var path in referenced)
        {
            using var asset = await server.Http.GetAsync(path);
            Assert.True(asset.StatusCode == HttpStatusCode.OK, path);
            if (path.Contains("/assets/", StringComparison.Ordinal))
                Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
        }
        using var admin = await server.Http.GetAsync("/admin-ui/");
        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
        using var file = await server.Http.GetAsync("/ui/index.html"); // the explorer's path names pages, not files
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }

    [Fact]
    public async Task In_production_it_is_off_unless_configured_and_the_metadata_says_which()
    {
        await using (var off = await StartAsync("Production", ExplorerFromConfiguration))
        {
            using var page = await off.Http.GetAsync("/ui/");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.False((await PluginsAsync(off)).TryGetProperty("apiExplorer", out _));
        }
        await using var on = await StartAsync("Production", ExplorerFromConfiguration, new() { ["ApiExplorer:Enabled"] = "true" });
        using (var page = await on.Http.GetAsync("/ui/"))
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/ui", (await PluginsAsync(on)).GetProperty("apiExplorer").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Configuration_turns_it_off_in_development_too()
    {
        await using var server = await StartAsync("Development", ExplorerFromConfiguration, new() { ["ApiExplorer:Enabled"] = "false" });
        using var page = await server.Http.GetAsync("/ui/");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Theory]
    [InlineData("/swagger-ui")]
    [InlineData("/swagger-ui/")]
    [InlineData("/swagger-ui/index.html")]
    public async Task The_retired_swagger_ui_address_sends_browsers_to_the_explorer(string path)
    {
        await using var server = await StartAsync("Development", s => s.Services.AddApiExplorer().AddBaaSOpenApi());
        using var response = await server.CreateHttp(followRedirects: false).GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ui", response.Headers.Location?.ToString());
        using var document = await server.Http.GetAsync("/openapi.json"); // the document stays, for OpenAPI tools
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }

    private static async Task<JsonElement> PluginsAsync(TestServer server)
    {
        using var json = JsonDocument.Parse(await server.Http.GetStringAsync("/metadata/app.json"));
        return json.RootElement.GetProperty("plugins").Clone();
    }
}
