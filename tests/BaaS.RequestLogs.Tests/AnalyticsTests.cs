using BaaS.Client;
using BaaS.RequestLogs.Tests.Fixtures;

namespace BaaS.RequestLogs.Tests;

/// <summary>
/// Analytics answer what the raw rows say: counts per bucket, per operation, user, API key and status equal the rows'
/// counts; averages are exact; percentiles are within the documented bucket error of the rows' exact percentiles.
/// The traffic is spread over two days by moving the app's clock, on a database of the suite's own.
/// </summary>
public abstract class AnalyticsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : AnalyticsFixture
{
    // A reported percentile is the geometric middle of the bucket holding the exact one: within 2^(1/4) of it.
    private static readonly double Factor = Math.Pow(2, 0.25) * (1 + 1e-9);

    private List<RequestLog> Rows => fixture.Rows;

    public static TheoryData<RequestAnalyticsBucket> Buckets() => [RequestAnalyticsBucket.Minute, RequestAnalyticsBucket.Hour, RequestAnalyticsBucket.Day];

    [Theory]
    [MemberData(nameof(Buckets))]
    public async Task The_series_and_totals_equal_the_raw_rows(RequestAnalyticsBucket bucket)
    {
        using var admin = fixture.CreateClient(LogsFixture.Admin);
        // Minute buckets only cover up to 2,000 minutes: the last day of the traffic.
        var from = bucket == RequestAnalyticsBucket.Minute ? fixture.End.AddHours(-30) : fixture.Start.AddHours(-1);
        var answer = await admin.SendAsync(new AdminGetRequestAnalytics { From = from, To = fixture.End.AddMinutes(1), Bucket = bucket });

        var size = bucket switch { RequestAnalyticsBucket.Minute => TimeSpan.FromMinutes(1), RequestAnalyticsBucket.Hour => TimeSpan.FromHours(1), _ => TimeSpan.FromDays(1) };
        Assert.Equal(bucket, answer.Bucket);
        Assert.Equal(0, answer.From.Ticks % size.Ticks);
        Assert.True(answer.From <= from && from - answer.From < size);
        Assert.Equal(answer.From, answer.Series[0].Start);
        Assert.Equal(answer.To, answer.Series[^1].Start + size);
        var inRange = Rows.Where(r => r.Timestamp >= answer.From && r.Timestamp < answer.To).ToList();
        Assert.True(inRange.Count > 20);
        AssertStats(inRange, answer.Totals);
        foreach (var point in answer.Series)
            AssertStats(inRange.Where(r => r.Timestamp >= point.Start && r.Timestamp < point.Start + size).ToList(), point);
        Assert.Equal(inRange.Count, answer.Series.Sum(p => p.Requests));
    }

    [Fact]
    public async Task The_breakdowns_equal_the_raw_rows()
    {
        using var admin = fixture.CreateClient(LogsFixture.Admin);
        var answer = await admin.SendAsync(new AdminGetRequestAnalytics { From = fixture.Start.AddDays(-1), To = fixture.End.AddDays(1), Take = 100 });
        Assert.Equal(RequestAnalyticsBucket.Hour, answer.Bucket); // three days: hours by default
        AssertStats(Rows, answer.Totals);

        var operations = Rows.GroupBy(r => r.Operation).ToList();
        Assert.Equal(operations.OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key), answer.Operations.Select(g => g.Key));
        foreach (var group in answer.Operations) AssertStats([.. operations.Single(g => g.Key == group.Key)], group);
        Assert.Equal(answer.Operations.OrderByDescending(g => g.P95Ms).ThenByDescending(g => g.AverageMs).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key),
            answer.SlowestOperations.Select(g => g.Key));

        var users = Rows.Where(r => r.UserId != null).GroupBy(r => r.UserId!).ToList();
        Assert.Equal(users.Count, answer.Users.Count);
        foreach (var group in answer.Users)
        {
            var rows = users.Single(g => g.Key == group.Key).ToList();
            AssertStats(rows, group);
            Assert.Equal(rows[0].UserName, group.Label);
        }
        Assert.Equal(answer.Users.Select(g => g.Requests).OrderByDescending(n => n), answer.Users.Select(g => g.Requests));

        var keys = Rows.Where(r => r.ApiKeyId != null).GroupBy(r => r.ApiKeyId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(keys.Select(g => g.Key).Order(), answer.ApiKeys.Select(g => g.Key).Order());
        foreach (var group in answer.ApiKeys) AssertStats([.. keys.Single(g => g.Key == group.Key)], group);

        var statuses = Rows.GroupBy(r => r.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(statuses.Select(g => g.Key).Order(), answer.Statuses.Select(g => g.Key).Order());
        foreach (var group in answer.Statuses) AssertStats([.. statuses.Single(g => g.Key == group.Key)], group);
    }

    [Fact]
    public async Task Top_lists_take_the_busiest()
    {
        using var admin = fixture.CreateClient(LogsFixture.Admin);
        var answer = await admin.SendAsync(new AdminGetRequestAnalytics { From = fixture.Start.AddDays(-1), To = fixture.End.AddDays(1), Take = 2 });
        Assert.Equal(2, answer.Operations.Count);
        Assert.Equal(Rows.GroupBy(r => r.Operation).Select(g => (long)g.Count()).OrderDescending().Take(2), answer.Operations.Select(g => g.Requests));
        Assert.Equal(Rows.Where(r => r.UserId != null).GroupBy(r => r.UserId).Select(g => (long)g.Count()).OrderDescending().Take(2), answer.Users.Select(g => g.Requests));
    }

    [Fact]
    public async Task One_operation_user_key_or_status_narrows_the_totals_and_series()
    {
        using var admin = fixture.CreateClient(LogsFixture.Admin);
        var range = new AdminGetRequestAnalytics { From = fixture.Start.AddDays(-1), To = fixture.End.AddDays(1), Bucket = RequestAnalyticsBucket.Hour };
        var user = Rows.First(r => r.UserId != null).UserId!;
        var key = Rows.First(r => r.ApiKeyId != null).ApiKeyId!.Value;
        foreach (var (request, expected) in new (AdminGetRequestAnalytics, List<RequestLog>)[]
        {
            (Narrow(range, o => o.Operation = nameof(Echo)), [.. Rows.Where(r => r.Operation == nameof(Echo))]),
            (Narrow(range, o => o.UserId = user), [.. Rows.Where(r => r.UserId == user)]),
            (Narrow(range, o => o.ApiKeyId = key), [.. Rows.Where(r => r.ApiKeyId == key)]),
            (Narrow(range, o => o.StatusCode = 404), [.. Rows.Where(r => r.StatusCode == 404)]),
        })
        {
            var answer = await admin.SendAsync(request);
            AssertStats(expected, answer.Totals);
            foreach (var point in answer.Series)
                AssertStats([.. expected.Where(r => r.Timestamp >= point.Start && r.Timestamp < point.Start.AddHours(1))], point);
        }
    }

    [Fact]
    public async Task Bad_input_answers_400_naming_the_field()
    {
        using var admin = fixture.CreateClient(LogsFixture.Admin);
        async Task Refused(AdminGetRequestAnalytics request, string field)
        {
            var e = await Assert.ThrowsAsync<WebServiceException>(() => admin.SendAsync(request));
            Assert.Equal((400, field), (e.StatusCode, e.ResponseStatus!.Errors![0].FieldName));
        }
        await Refused(new AdminGetRequestAnalytics { Take = 0 }, "Take");
        await Refused(new AdminGetRequestAnalytics { Take = 101 }, "Take");
        await Refused(new AdminGetRequestAnalytics { From = DateTime.UtcNow, To = DateTime.UtcNow.AddHours(-1) }, "To");
        await Refused(new AdminGetRequestAnalytics { Operation = "Echo", UserId = "u1" }, "UserId");
        await Refused(new AdminGetRequestAnalytics { From = DateTime.UtcNow.AddDays(-30), Bucket = RequestAnalyticsBucket.Minute }, "Bucket");
        var unknown = await Assert.ThrowsAsync<WebServiceException>(() => admin.SendAsync<AdminGetRequestAnalyticsResponse>("GET", "/api/AdminGetRequestAnalytics?bucket=Week"));
        Assert.Equal(400, unknown.StatusCode);
    }

    [Fact]
    public async Task A_range_without_calls_answers_zeros()
    {
        using var admin = fixture.CreateClient(LogsFixture.Admin);
        var answer = await admin.SendAsync(new AdminGetRequestAnalytics { From = fixture.Start.AddDays(-20), To = fixture.Start.AddDays(-19) });
        Assert.Equal(0, answer.Totals.Requests);
        Assert.Equal((int)(answer.To - answer.From).TotalHours, answer.Series.Count); // 24 or 25 whole hours
        Assert.All(answer.Series, p => Assert.Equal((0, 0.0), (p.Requests, p.P99Ms)));
        Assert.Empty(answer.Operations);
    }

    private static AdminGetRequestAnalytics Narrow(AdminGetRequestAnalytics range, Action<AdminGetRequestAnalytics> filter)
    {
        var request = new AdminGetRequestAnalytics { From = range.From, To = range.To, Bucket = range.Bucket };
        filter(request);
        return request;
    }

    private static void AssertStats(List<RequestLog> rows, RequestStats stats)
    {
        Assert.Equal(rows.Count, stats.Requests);
        Assert.Equal(rows.Count(r => r.StatusCode >= 400), stats.Errors);
        Assert.Equal(rows.Count(r => r.StatusCode >= 500), stats.ServerErrors);
        if (rows.Count == 0)
        {
            Assert.Equal((0.0, 0.0, 0.0, 0.0), (stats.AverageMs, stats.P50Ms, stats.P95Ms, stats.P99Ms));
            return;
        }
        // The mean of sums added in another order (the database's, per bucket) differs in the last bits: a tolerance, not a
        // rounding to 6 places, which splits two such values that straddle a half (3.8454374999999996 and 3.8454375000000001).
        Assert.Equal(rows.Average(r => r.DurationMs), stats.AverageMs, 1e-9);
        var sorted = rows.Select(r => r.DurationMs).Order().ToList();
        AssertPercentile(sorted, 0.50, stats.P50Ms);
        AssertPercentile(sorted, 0.95, stats.P95Ms);
        AssertPercentile(sorted, 0.99, stats.P99Ms);
    }

    /// <summary>The exact percentile by nearest rank; the answer within the bucket error of docs/request-logs.md.</summary>
    private static void AssertPercentile(List<double> sorted, double p, double reported)
    {
        var exact = sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
        if (exact < 0.1) Assert.Equal(0.05, reported);
        else Assert.InRange(reported / exact, 1 / Factor, Factor);
    }
}

/// <summary>
/// Traffic over two days, every 23 minutes of the app's clock: calls of several operations (some failing with 404 or
/// 500, some slow), by four users (one through an API key) and anonymous callers; <see cref="Rows"/> are the raw rows.
/// </summary>
public abstract class AnalyticsFixture(TestDatabaseKind database) : LogsFixture(database)
{
    public DateTime Start { get; private set; }

    public DateTime End { get; private set; }

    public List<RequestLog> Rows { get; private set; } = [];

    protected override async Task AfterStartAsync()
    {
        var users = Enumerable.Range(0, 4).Select(_ => NewUser()).ToList();
        var now = DateTime.UtcNow;
        Start = now.AddDays(-2);
        for (var i = 0; i * 23 < 2 * 24 * 60; i++)
        {
            Clock.Offset = TimeSpan.FromMinutes(i * 23) - (now - Start);
            var user = users[i % 5 == 4 ? 0 : i % users.Count];
            using var http = Server.CreateHttp(i % 7 == 0 ? null : user.Header);
            if (i % 3 == 0) http.DefaultRequestHeaders.Add(ApiKeyHeader, (100 + i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var path = (i % 6) switch
            {
                0 => "/api/Echo?text=a",
                1 => $"/api/Echo?delayMs={i % 40}",
                2 => "/api/QueryLogDishes",
                3 => "/api/Fail?status=404&message=gone",
                4 => $"/api/Echo?delayMs={2 + i % 9}",
                _ => "/api/Fail?status=500&message=broken",
            };
            using var response = path.Contains("Fail") ? await http.PostAsync(path, null) : await http.GetAsync(path);
            // A second call in the same minute, so minute buckets hold more than one.
            if (i % 4 == 0) (await http.GetAsync("/api/Echo?text=again")).Dispose();
        }
        Clock.Offset = TimeSpan.Zero;
        End = DateTime.UtcNow;
        await WaitForQueueAsync();
        Rows = await RowsAsync(r => r.Id > 0);
    }
}

public sealed class SqliteAnalyticsFixture() : AnalyticsFixture(TestDatabaseKind.SqliteFile);

public sealed class PostgresAnalyticsFixture() : AnalyticsFixture(TestDatabaseKind.PostgreSql);

public class SqliteAnalyticsTests(SqliteAnalyticsFixture fixture) : AnalyticsTests<SqliteAnalyticsFixture>(fixture);

public class PostgresAnalyticsTests(PostgresAnalyticsFixture fixture) : AnalyticsTests<PostgresAnalyticsFixture>(fixture);
