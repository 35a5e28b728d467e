using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BaaS.Ui;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Ui.Tests;

/// <summary>
/// /admin-ui from the assets embedded in BaaS.Ui: the page for any route under it (deep links survive a reload), hashed
/// assets cached for good, the page revalidated by ETag, compressed copies that decompress to the same bytes, the page's
/// own Content-Security-Policy (also on a 304), and 404 for a file that is not there.
/// </summary>
public sealed class UiServingTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await TestServer.StartAsync(o =>
        {
            o.Dialect = TestDatabaseKind.SqliteMemory;
            o.ConfigureServices += s => s.AddAdminUi(ui => ui.Pages.Add(new AdminUiPage("reports", "Reports") { Url = "/reports", Icon = "chart", Group = "App", Roles = ["Manager"] }));
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static EmbeddedAssets Assets => EmbeddedAssets.Load(typeof(AdminUiFeature).Assembly, "admin-ui/");

    [Theory]
    [InlineData("/admin-ui")]
    [InlineData("/admin-ui/")]
    [InlineData("/admin-ui/data/Restaurant?skip=20&orderBy=-Rating")]
    [InlineData("/admin-ui/users/0d1c2b3a-0000-4000-8000-000000000000")]
    public async Task Every_route_under_the_path_is_the_page(string path)
    {
        using var response = await _server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"app\">", html, StringComparison.Ordinal);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(AdminUiFeature.ContentSecurityPolicy, string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal); // the CSP allows no inline script
    }

    [Fact]
    public async Task The_page_loads_only_its_own_assets_and_each_is_served_with_a_year_of_caching()
    {
        var html = await _server.Http.GetStringAsync("/admin-ui/");
        var referenced = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"(/admin-ui/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(referenced, r => r.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(referenced, r => r.EndsWith(".css", StringComparison.Ordinal));
        foreach (var path in referenced)
        {
            using var response = await _server.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var expected = Assets.TryGet(path["/admin-ui/".Length..], out var asset) ? asset.Content : throw new Xunit.Sdk.XunitException(path + " is not embedded");
            Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
            if (path.Contains("/assets/", StringComparison.Ordinal))
                Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task A_missing_file_is_404_not_the_page()
    {
        using var response = await _server.Http.GetAsync("/admin-ui/assets/index-00000000.js");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_page_is_revalidated_by_its_etag_and_a_304_keeps_the_pages_policy()
    {
        using var first = await _server.Http.GetAsync("/admin-ui/");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin-ui/jobs");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await _server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(AdminUiFeature.ContentSecurityPolicy, string.Join(";", second.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Compressed_copies_decompress_to_the_embedded_bytes(string coding)
    {
        // The largest script (the framework chunk both pages share): its name is the bundler's choice, its size is not.
        var script = Assets.Paths.Where(p => p.StartsWith("assets/", StringComparison.Ordinal) && p.EndsWith(".js", StringComparison.Ordinal))
            .OrderByDescending(p => Assets.TryGet(p, out var a) ? a.Content.Length : 0).First();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin-ui/" + script);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(_server.BaseUrl) };
        using var response = await http.SendAsync(request);
        Assert.Equal(coding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decompressed = coding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var copy = new MemoryStream();
        await decompressed.CopyToAsync(copy);
        Assert.True(Assets.TryGet(script, out var asset));
        Assert.Equal(asset.Content, copy.ToArray());
        Assert.True(response.Content.Headers.ContentLength < asset.Content.Length);
    }

    [Theory]
    [InlineData("gzip;q=0", false)]
    [InlineData("identity", false)]
    [InlineData("deflate, gzip;q=0.5", true)]
    [InlineData("GZIP", true)]
    public void Accept_encoding_is_read_with_its_weights(string header, bool gzip) => Assert.Equal(gzip, UiEndpoint.Accepts(header, "gzip"));

    [Fact]
    public async Task The_metadata_lists_who_may_enter_and_every_features_pages()
    {
        using var json = JsonDocument.Parse(await _server.Http.GetStringAsync("/metadata/app.json"));
        var ui = json.RootElement.GetProperty("plugins").GetProperty("adminUi");
        Assert.Equal("/admin-ui", ui.GetProperty("path").GetString());
        Assert.Equal(["Admin"], ui.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        var pages = ui.GetProperty("pages").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        Assert.Equal("/reports", pages["reports"].GetProperty("url").GetString());
        Assert.Equal(["Manager"], pages["reports"].GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        Assert.Equal("App", pages["reports"].GetProperty("group").GetString());
        Assert.True(pages.ContainsKey("database")); // the Admin UI's own page
    }

    [Fact]
    public async Task A_visitor_gets_an_empty_session_not_a_401()
    {
        using var response = await _server.Http.GetAsync("/api/AdminUiSession");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(json.RootElement.TryGetProperty("userId", out _));
    }

    [Fact]
    public void Roles_cannot_be_empty()
    {
        var services = new ServiceCollection();
        var error = Assert.Throws<ConfigurationException>(() => services.AddAdminUi(o => o.Roles = []));
        Assert.Contains("AdminUi:Roles", error.Message, StringComparison.Ordinal);
    }
}
