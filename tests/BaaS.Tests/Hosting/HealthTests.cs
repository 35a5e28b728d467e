using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Tests.Hosting;

/// <summary>
/// The health endpoints on a SQLite file database: liveness without checks, readiness with the database and disk
/// checks, plain status for everyone and JSON detail for admins only, never cached.
/// </summary>
public sealed class HealthTests
{
    private static Task<TestServer> StartAsync(Dictionary<string, string?>? settings = null) =>
        TestServer.StartAsync(o =>
        {
            o.Dialect = TestDatabaseKind.SqliteFile;
            o.UseTestAuthentication = true;
            foreach (var (key, value) in settings ?? []) o.Configuration[key] = value;
            o.ConfigureBuilder += b => b.Services.AddBaaSHealthChecks();
            o.ConfigureApp += app => app.MapBaaSHealthChecks();
        });

    private static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(TestServer app, string path, string? user = null)
    {
        using var http = app.CreateHttp(user);
        var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task Live_and_ready_answer_healthy_as_plain_text_uncached()
    {
        await using var app = await StartAsync();
        var live = await GetAsync(app, "/health/live");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.Status, live.Body));
        var ready = await GetAsync(app, "/health/ready");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.Status, ready.Body));
        Assert.Equal("text/plain; charset=utf-8", ready.Response.Content.Headers.ContentType!.ToString());
        Assert.True(ready.Response.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task Too_little_free_disk_makes_ready_unhealthy_and_only_an_admin_sees_which_check_failed()
    {
        // More free space required than any disk has: the disk check fails, the database check still passes.
        await using var app = await StartAsync(new() { ["BaaS:Health:MinimumFreeDiskMegabytes"] = "1000000000000" });
        var anonymous = await GetAsync(app, "/health/ready");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (anonymous.Status, anonymous.Body));
        var user = await GetAsync(app, "/health/ready", TestAuthentication.User("u1", "ann", ["Customer"]));
        Assert.Equal("Unhealthy", user.Body);
        // Liveness runs no check: the process still serves.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/health/live")).Status);

        var admin = await GetAsync(app, "/health/ready", TestAuthentication.User("a1", "boss", ["Admin"]));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, admin.Status);
        using var detail = JsonDocument.Parse(admin.Body);
        Assert.Equal("Unhealthy", detail.RootElement.GetProperty("status").GetString());
        var checks = detail.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.StartsWith("SQLite answers", checks.GetProperty("database").GetProperty("description").GetString(), StringComparison.Ordinal);
        var disk = checks.GetProperty("disk");
        Assert.Equal("Unhealthy", disk.GetProperty("status").GetString());
        Assert.Contains("MB free", disk.GetProperty("data").EnumerateObject().First().Value.GetString(), StringComparison.Ordinal);
        Assert.Equal(["ready"], disk.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task A_database_that_does_not_answer_makes_ready_unhealthy_without_saying_why_to_the_public()
    {
        var folder = Directory.CreateTempSubdirectory("baas-health-").FullName;
        try
        {
            // A SQLite file in a folder that is then removed: opening it fails.
            await using var app = await TestServer.StartAsync(o =>
            {
                o.UseTestAuthentication = true;
                o.RegisterConnectionFactory = false;
                o.ConfigureServices += s => s.AddSingleton<BaaS.Data.IDbConnectionFactory>(
                    new BaaS.Data.DbConnectionFactory($"Data Source={Path.Combine(folder, "gone", "app.db")};Mode=ReadWrite", BaaS.Data.Sqlite.SqliteDialect.Instance));
                o.ConfigureBuilder += b => b.Services.AddBaaSHealthChecks();
                o.ConfigureApp += app => app.MapBaaSHealthChecks();
            });
            var anonymous = await GetAsync(app, "/health/ready");
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (anonymous.Status, anonymous.Body));
            var admin = await GetAsync(app, "/health/ready", TestAuthentication.User("a1", "boss", ["Admin"]));
            using var detail = JsonDocument.Parse(admin.Body);
            var database = detail.RootElement.GetProperty("checks").GetProperty("database");
            Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
            Assert.Equal("SQLite does not answer.", database.GetProperty("description").GetString());
            Assert.True(database.TryGetProperty("error", out _));
            Assert.DoesNotContain(folder, admin.Body, StringComparison.Ordinal); // exception text stays in the log
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
