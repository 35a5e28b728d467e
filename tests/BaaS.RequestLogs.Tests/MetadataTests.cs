using System.Text.Json;
using BaaS.RequestLogs.Tests.Fixtures;

namespace BaaS.RequestLogs.Tests;

/// <summary>What the metadata says of request logs: <c>plugins.requestLogs</c>, and the admin APIs among the operations.</summary>
public class MetadataTests(SqliteLogsFixture fixture) : IClassFixture<SqliteLogsFixture>
{
    [Fact]
    public async Task Plugins_request_logs_says_the_settings_and_names_the_apis()
    {
        using var document = JsonDocument.Parse(await fixture.Http.GetStringAsync("/metadata/app.json"));
        var logs = document.RootElement.GetProperty("plugins").GetProperty("requestLogs");
        Assert.True(logs.GetProperty("enabled").GetBoolean());
        Assert.True(logs.GetProperty("includeBodies").GetBoolean());
        Assert.Equal(14, logs.GetProperty("retentionDays").GetInt32());
        Assert.Equal(90, logs.GetProperty("analyticsRetentionDays").GetInt32());
        Assert.Equal("@every 1h", logs.GetProperty("retentionSchedule").GetString());
        Assert.Equal("timer", logs.GetProperty("retentionRunBy").GetString());
        Assert.Equal(10_000, logs.GetProperty("capacity").GetInt32());
        Assert.Contains("AdminQueryRequestLogs", logs.GetProperty("excludeOperations").EnumerateArray().Select(e => e.GetString()));
        var apis = logs.GetProperty("operations");
        Assert.Equal(["AdminQueryRequestLogs", "AdminGetRequestLog", "AdminGetRequestAnalytics", "AdminGetRequestLogStats"],
            new[] { "query", "get", "analytics", "stats" }.Select(k => apis.GetProperty(k).GetString()));

        var operations = document.RootElement.GetProperty("api").GetProperty("operations").EnumerateArray()
            .ToDictionary(o => o.GetProperty("request").GetProperty("name").GetString()!);
        foreach (var name in new[] { "AdminQueryRequestLogs", "AdminGetRequestLog", "AdminGetRequestAnalytics", "AdminGetRequestLogStats" })
            Assert.Contains("Admin", operations[name].GetProperty("requiredRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("RequestLog", operations["AdminQueryRequestLogs"].GetProperty("dataModel").GetProperty("name").GetString());
    }
}
