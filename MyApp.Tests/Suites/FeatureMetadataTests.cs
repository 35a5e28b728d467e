using System.Text.Json;
using BaaS.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MyApp.Tests;

/// <summary>Each feature MyApp turns on describes itself in the metadata's plugins section.</summary>
public abstract class FeatureMetadataTests<THost>(THost host) where THost : MyAppFixture
{
    [Fact]
    public async Task Every_feature_myapp_turns_on_is_described_under_plugins()
    {
        using var http = host.CreateHttp();
        using var metadata = JsonDocument.Parse(await http.GetStringAsync("/metadata/app.json"));
        var plugins = metadata.RootElement.GetProperty("plugins");
        Assert.Equal(["adminUi", "apiExplorer", "auth", "autoQuery", "cache", "email", "files", "idempotency", "jobs", "nativeTypes", "openApi", "rateLimits", "requestLogs", "responseCache", "serverEvents"],
            plugins.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        // No ConnectionStrings:Redis in the tests' settings: the embedded default.
        Assert.Equal("memory", plugins.GetProperty("cache").GetProperty("store").GetString());

        var autoQuery = plugins.GetProperty("autoQuery");
        Assert.Equal(100, autoQuery.GetProperty("maxLimit").GetInt32());
        // AutoQuery is MyApp's only source of generated operations: every operation without a service class is its.
        var catalog = host.Services.GetRequiredService<BaaSHost>().Catalog;
        Assert.Equal(catalog.Operations.Count(o => o.ServiceType is null), autoQuery.GetProperty("operations").GetInt32());
        Assert.True(autoQuery.GetProperty("operations").GetInt32() > 10);

        var auth = plugins.GetProperty("auth");
        Assert.Equal("credentials", auth.GetProperty("providers")[0].GetProperty("name").GetString());
        Assert.Equal("/auth/credentials", auth.GetProperty("providers")[0].GetProperty("url").GetString());
        Assert.True(auth.GetProperty("allowRegistration").GetBoolean());
        var roles = auth.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("Admin", roles);
        Assert.Contains("Owner", roles);

        Assert.Contains(plugins.GetProperty("jobs").GetProperty("commands").EnumerateArray(), c => c.GetString()!.Length > 0);
        Assert.Equal(["typescript", "csharp", "python"], plugins.GetProperty("nativeTypes").GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("/openapi.json", plugins.GetProperty("openApi").GetProperty("path").GetString());
        Assert.False(plugins.GetProperty("openApi").TryGetProperty("swaggerUi", out _)); // retired: the API Explorer replaces it
        Assert.Equal("/ui", plugins.GetProperty("apiExplorer").GetProperty("path").GetString());
        Assert.Equal("Idempotency-Key", plugins.GetProperty("idempotency").GetProperty("header").GetString());
        Assert.Equal(24 * 3600, plugins.GetProperty("idempotency").GetProperty("expirySeconds").GetInt64());

        var locations = plugins.GetProperty("files").GetProperty("locations").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal(["menu-photos", "restaurant-logos"], locations.Keys.Order(StringComparer.Ordinal));
        foreach (var location in locations.Values)
        {
            Assert.Equal(["image/png", "image/jpeg", "image/webp"], location.GetProperty("allowedTypes").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(("public", "roles:Owner"), (location.GetProperty("read").GetString(), location.GetProperty("write").GetString()));
            Assert.Equal(["thumb", "web"], location.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        }
        Assert.Equal(5 * 1024 * 1024, locations["menu-photos"].GetProperty("maxBytes").GetInt64());
        Assert.Equal(["MenuItem.PhotoUrl: menu-photos thumb=PhotoThumbUrl web=PhotoWebUrl", "Restaurant.LogoUrl: restaurant-logos thumb=LogoThumbUrl web=LogoWebUrl"],
            plugins.GetProperty("files").GetProperty("columns").EnumerateArray().Select(c =>
                $"{c.GetProperty("model").GetString()}.{c.GetProperty("column").GetString()}: {c.GetProperty("location").GetString()} " +
                string.Join(" ", c.GetProperty("variants").EnumerateArray().Select(v => $"{v.GetProperty("name").GetString()}={v.GetProperty("column").GetString()}"))));
    }
}

[Collection(SqliteApp.Name)]
public class SqliteFeatureMetadataTests(SqliteMyAppFixture host) : FeatureMetadataTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public class PostgreSqlFeatureMetadataTests(PostgreSqlMyAppFixture host) : FeatureMetadataTests<PostgreSqlMyAppFixture>(host);
