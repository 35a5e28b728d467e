using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using MyApp.ServiceModel;
using Xunit.Abstractions;

namespace MyApp.Tests.Fuzzing;

/// <summary>
/// The reliability harness's fuzzer: every path and method of MyApp's <c>/openapi.json</c>, called with requests generated
/// from its own schemas (<see cref="RequestGenerator"/>), as anonymous and as each role, on a MyApp and database of its
/// own (the requests delete and change whatever they hit). Fails on any 5xx, on a success whose body does not match the
/// documented schema or whose status is not documented, and on an error without a <c>ResponseStatus</c> code.
/// Bounded: <see cref="CasesPerCall"/> requests per path and method; each run draws new ones, and a failure names
/// CsCheck's seed, which repeats it.
/// </summary>
public abstract class ApiFuzzTests(MyAppFixture app, ITestOutputHelper output)
{
    /// <summary>Generated requests per path and method.</summary>
    public const int CasesPerCall = 25;

    private const string Anonymous = "anonymous";

    [Fact]
    public async Task Every_operation_survives_generated_requests_from_every_role_and_answers_as_documented()
    {
        using var http = app.Server.CreateHttp(followRedirects: false);
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi.json"))!.AsObject();
        var api = new ApiDescription(document);
        var check = new SchemaCheck(api);
        var users = new Dictionary<string, TestUser>
        {
            [Roles.Customer] = app.Customer, [Roles.Owner] = app.Owner, [Roles.Courier] = app.Courier, [Roles.Admin] = app.Admin,
        };
        var generator = new RequestGenerator(api, [Anonymous, .. users.Keys]);
        Assert.True(api.Calls.Count > 50, $"the document lists only {api.Calls.Count} calls");

        var failures = new List<string>();
        var sent = 0;
        var checkedBodies = 0;
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        foreach (var call in api.Calls)
        {
            try
            {
                await generator.For(call).SampleAsync(async request =>
                {
                    Interlocked.Increment(ref sent);
                    var (problem, checkedBody, status) = await SendAsync(http, call, request, users, check);
                    statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                    if (checkedBody) Interlocked.Increment(ref checkedBodies);
                    if (problem is not null) throw new FuzzFailure($"{request} -> {problem}");
                }, iter: CasesPerCall, threads: 1);
            }
            catch (Exception e)
            {
                failures.Add($"{call}: {Summary(e)}");
            }
        }
        output.WriteLine($"{sent} requests to {api.Calls.Count} calls; {checkedBodies} successful answers checked against their schemas");
        output.WriteLine("answers: " + string.Join(", ", statuses.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} x{kv.Value}")));
        // Not a vacuous pass: successes whose bodies were checked, more of them than there are calls.
        Assert.True(checkedBodies > api.Calls.Count, $"only {checkedBodies} of {sent} requests succeeded with a body to check");
        Assert.True(failures.Count == 0, $"{failures.Count} of {api.Calls.Count} calls failed:\n" + string.Join("\n", failures));
    }

    /// <summary>What is wrong with the answer (null when nothing), and whether a success body was checked.</summary>
    private async Task<(string? Problem, bool CheckedBody, string Status)> SendAsync(HttpClient http, ApiCall call, FuzzRequest request, Dictionary<string, TestUser> users, SchemaCheck check)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method.ToUpperInvariant()), request.Url);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (users.TryGetValue(request.Role, out var user))
        {
            // A fresh sign-in each time: an earlier request may have ended the session (a sign-out, a password change).
            var signedIn = await app.SignInAsync(user.Email, user.Password);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", signedIn.Token);
        }

        using var response = await http.SendAsync(message);
        if (response.StatusCode == HttpStatusCode.RequestUriTooLong && OverKestrelsRequestLine(message))
            return (null, false, "414 (request line over Kestrel's limit)");
        var (problem, checkedBody) = await CheckAsync(call, response, check);
        var text = response.Content.Headers.ContentType?.MediaType == "application/json" && (int)response.StatusCode >= 400
            ? ErrorCode(await response.Content.ReadAsStringAsync()) : "";
        return (problem, checkedBody, $"{(int)response.StatusCode}{text}");
    }

    /// <summary>
    /// Kestrel refuses a request line longer than its <c>MaxRequestLineSize</c> (the platform raises it to 64 KiB, above
    /// BaaSOptions.MaxUrlLength, whose own 414 carries a ResponseStatus) with a bare 414 before the app sees the request;
    /// the generator's hostile lists of 5,000 items can make such URLs. That answer is the transport's, not the API's, so
    /// it is not held to the API's error shape. Any shorter request still is.
    /// </summary>
    private bool OverKestrelsRequestLine(HttpRequestMessage message)
    {
        var uri = message.RequestUri!;
        var target = uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
        var line = message.Method.Method.Length + 1 + target.Length + " HTTP/1.1\r\n".Length;
        var limit = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>()
            .Value.Limits.MaxRequestLineSize;
        return line > limit;
    }

    private static string ErrorCode(string json)
    {
        try
        {
            using var body = JsonDocument.Parse(json);
            return body.RootElement.TryGetProperty("responseStatus", out var rs) && rs.TryGetProperty("errorCode", out var code) ? " " + code.GetString() : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static async Task<(string? Problem, bool CheckedBody)> CheckAsync(ApiCall call, HttpResponseMessage response, SchemaCheck check)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType == "application/json";
        if (status >= 500) return ($"{status} {Clip(text)}", false);
        if (status is >= 200 and < 300)
        {
            if (!call.Responses.TryGetValue(status, out var schema)) return ($"{status}, which the document does not list ({string.Join(", ", call.Responses.Keys)})", false);
            if (schema is null) return (text.Length == 0 ? null : $"{status} with a body where the document gives none: {Clip(text)}", false);
            if (!json) return ($"{status} as {response.Content.Headers.ContentType}, not JSON", false);
            using var body = JsonDocument.Parse(text);
            var problems = check.Problems(body.RootElement, schema);
            return (problems.Count == 0 ? null : $"{status}, body not as documented: {string.Join("; ", problems.Take(5))}", true);
        }
        if (status >= 400 && status != (int)HttpStatusCode.MethodNotAllowed)
        {
            if (!json) return ($"{status} without a JSON ResponseStatus: {Clip(text)}", false);
            using var body = JsonDocument.Parse(text);
            if (!body.RootElement.TryGetProperty("responseStatus", out var rs) || !rs.TryGetProperty("errorCode", out var code)
                || string.IsNullOrEmpty(code.GetString()))
                return ($"{status} without responseStatus.errorCode: {Clip(text)}", false);
        }
        return (null, false);
    }

    private static string Summary(Exception e)
    {
        // CsCheck reports the smallest failing sample it found, with the seed to repeat it; keep its first lines.
        var lines = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var inner = e is FuzzFailure ? null : e.InnerException?.Message;
        return string.Join(" | ", lines.Take(6)) + (inner is null ? "" : " | " + inner);
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "..." : text;

    private sealed class FuzzFailure(string message) : Exception(message);
}

/// <summary>A MyApp of the fuzzer's own over SQLite.</summary>
public sealed class SqliteFuzzFixture() : MyAppFixture(TestDatabaseKind.SqliteFile);

/// <summary>A MyApp of the fuzzer's own over PostgreSQL.</summary>
public sealed class PostgreSqlFuzzFixture() : MyAppFixture(TestDatabaseKind.PostgreSql);

public sealed class SqliteApiFuzzTests(SqliteFuzzFixture app, ITestOutputHelper output) : ApiFuzzTests(app, output), IClassFixture<SqliteFuzzFixture>;

public sealed class PostgreSqlApiFuzzTests(PostgreSqlFuzzFixture app, ITestOutputHelper output) : ApiFuzzTests(app, output), IClassFixture<PostgreSqlFuzzFixture>;
