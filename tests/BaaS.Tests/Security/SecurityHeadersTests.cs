using System.Net;

namespace BaaS.Tests.Security;

/// <summary>
/// Every kind of answer carries the security headers (and no <c>Server</c>): API JSON, errors, 404s, HTML pages, the
/// metadata, health, redirects. HTML pages get a page policy (their own when they declare one); the Swagger page cannot be
/// framed and its policy allows everything it loads.
/// </summary>
public partial class SecurityHeadersTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await SecureServer.StartAsync(environment: "Production");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string, int> Answers => new()
    {
        { "GET", "/api/PingNotes", 200 }, // an operation's JSON
        { "POST", "/api/PingNotes[]", 400 }, // a batch that is not a list
        { "GET", "/api/SaveNote", 405 }, // an operation's error (POST only)
        { "POST", "/api/SaveNote", 401 }, // an auth error
        { "GET", "/api/NoSuchOperation", 404 },
        { "GET", "/no/such/page", 404 },
        { "GET", "/metadata/app.json", 200 },
        { "GET", "/openapi.json", 200 },
        { "GET", "/health", 200 },
        { "GET", "/auth/logout", 405 },
        { "POST", "/auth/credentials", 400 },
        { "GET", "/pages/plain", 200 },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_answer_carries_the_security_headers_and_no_server_header(string method, string path, int status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = HttpAssert.Json("{}");
        using var response = await _server.CreateHttp(followRedirects: false).SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Server"), "Server: " + string.Join(",", response.Headers.TryGetValues("Server", out var s) ? s : []));
    }

    [Fact]
    public async Task Answers_that_are_not_pages_may_load_nothing()
    {
        using var response = await _server.Http.GetAsync("/metadata/app.json");
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task A_page_gets_the_default_page_policy_unless_it_declares_its_own()
    {
        using var plain = await _server.Http.GetAsync("/pages/plain");
        Assert.Equal("default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            Header(plain, "Content-Security-Policy"));

        using var declared = await _server.Http.GetAsync("/pages/declared");
        // Its own policy, which may not be framed either.
        Assert.Equal(SecureServer.DeclaredPolicy + "; frame-ancestors 'none'", Header(declared, "Content-Security-Policy"));
    }

    [Fact]
    public async Task A_page_answered_by_middleware_declares_its_policy_per_request_and_cannot_be_framed()
    {
        using var page = await _server.Http.GetAsync("/pages/by-middleware");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("DENY", Header(page, "X-Frame-Options"));
        Assert.Equal(SecureServer.MiddlewarePolicy + "; frame-ancestors 'none'", Header(page, "Content-Security-Policy"));
        // The declaration is the request's own: the next page gets the default again.
        using var plain = await _server.Http.GetAsync("/pages/plain");
        Assert.DoesNotContain("script-src", Header(plain, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_can_be_changed_or_left_out_in_one_place()
    {
        await using var server = await SecureServer.StartAsync(new()
        {
            ["BaaS:Security:Headers:ReferrerPolicy"] = "no-referrer",
            ["BaaS:Security:Headers:FrameOptions"] = "",
        });
        using var response = await server.Http.GetAsync("/metadata/app.json");
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header");
}
