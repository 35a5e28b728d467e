using System.Text.Json;
using BaaS.Client;
using BaaS.RequestLogs.Tests.Fixtures;

namespace BaaS.RequestLogs.Tests;

/// <summary>With bodies on, secrets never reach the log: by name, by [Sensitive], at any depth, in batches too.</summary>
public abstract class RedactionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : LogsFixture
{
    private static SignUp Secrets(string marker) => new()
    {
        UserName = "ann-" + marker,
        Password = "pw-" + marker,
        AccessToken = "tok-" + marker,
        ApiKey = "key-" + marker,
        Card = new PaymentCard { Number = "4111-" + marker, Holder = "Ann " + marker },
        Contacts = [new Contact { Name = "Bo " + marker, Phone = "555-" + marker }],
        Extra = new() { ["clientSecret"] = "sec-" + marker, ["note"] = "hello " + marker },
    };

    private static readonly string[] SecretPrefixes = ["pw-", "tok-", "key-", "4111-", "555-", "sec-"];

    [Fact]
    public async Task Passwords_tokens_keys_and_sensitive_fields_never_reach_the_log()
    {
        var marker = Guid.NewGuid().ToString("N");
        var (header, id, _) = LogsFixture.NewUser();
        await fixture.CreateClient(header).SendAsync(Secrets(marker));

        var row = Assert.Single(await fixture.WaitForRowsAsync(r => r.UserId == id, 1));
        var everything = JsonSerializer.Serialize(row);
        foreach (var prefix in SecretPrefixes) Assert.DoesNotContain(prefix + marker, everything);
        using var body = JsonDocument.Parse(row.RequestBody!);
        var json = body.RootElement;
        Assert.Equal("ann-" + marker, json.GetProperty("userName").GetString());
        Assert.Equal("***", json.GetProperty("password").GetString());
        Assert.Equal("***", json.GetProperty("accessToken").GetString());
        Assert.Equal("***", json.GetProperty("apiKey").GetString());
        Assert.Equal("***", json.GetProperty("card").GetProperty("number").GetString());
        Assert.Equal("Ann " + marker, json.GetProperty("card").GetProperty("holder").GetString());
        Assert.Equal("***", json.GetProperty("contacts")[0].GetProperty("phone").GetString());
        Assert.Equal("Bo " + marker, json.GetProperty("contacts")[0].GetProperty("name").GetString());
        Assert.Equal("***", json.GetProperty("extra").GetProperty("clientSecret").GetString());
        Assert.Equal("hello " + marker, json.GetProperty("extra").GetProperty("note").GetString());
    }

    [Fact]
    public async Task Secrets_in_the_requests_of_a_batch_never_reach_the_log()
    {
        var marker = Guid.NewGuid().ToString("N");
        var (header, id, _) = LogsFixture.NewUser();
        await fixture.CreateClient(header).SendAsync<List<EmptyResponse>>("POST", "/api/SignUp[]", new[] { Secrets(marker), Secrets(marker) });

        var rows = await fixture.WaitForRowsAsync(r => r.UserId == id, 3);
        var everything = JsonSerializer.Serialize(rows);
        foreach (var prefix in SecretPrefixes) Assert.DoesNotContain(prefix + marker, everything);
        Assert.Equal(2, rows.Count(r => r.RequestBody?.Contains("ann-" + marker) == true));
    }

    [Fact]
    public async Task A_password_in_a_query_string_is_withheld_too()
    {
        var marker = Guid.NewGuid().ToString("N");
        var (header, id, _) = LogsFixture.NewUser();
        using var http = fixture.Server.CreateHttp(header);
        (await http.PostAsync($"/api/SignUp?userName=q-{marker}&password=pw-{marker}", null)).EnsureSuccessStatusCode();

        var row = Assert.Single(await fixture.WaitForRowsAsync(r => r.UserId == id, 1));
        Assert.DoesNotContain("pw-" + marker, JsonSerializer.Serialize(row));
        Assert.Contains("q-" + marker, row.RequestBody);
    }
}

public class SqliteRedactionTests(SqliteLogsFixture fixture) : RedactionTests<SqliteLogsFixture>(fixture);

public class PostgresRedactionTests(PostgresLogsFixture fixture) : RedactionTests<PostgresLogsFixture>(fixture);

/// <summary>With bodies off (the default), no row has a body.</summary>
public class BodiesOffTests(BodiesOffTests.Fixture fixture) : IClassFixture<BodiesOffTests.Fixture>
{
    public sealed class Fixture() : LogsFixture(TestDatabaseKind.SqliteFile)
    {
        protected override void ConfigureLogs(RequestLogsOptions options) => options.IncludeBodies = false;
    }

    [Fact]
    public async Task No_body_is_recorded_when_bodies_are_off()
    {
        var (header, id, _) = LogsFixture.NewUser();
        await fixture.CreateClient(header).SendAsync(new SignUp { UserName = "bo", Password = "secret" });
        await fixture.CreateClient(header).SendAsync<List<EmptyResponse>>("POST", "/api/SignUp[]", new[] { new SignUp { UserName = "cy" } });

        var rows = await fixture.WaitForRowsAsync(r => r.UserId == id, 3);
        Assert.All(rows, r => Assert.Null(r.RequestBody));
    }
}
