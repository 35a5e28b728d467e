using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace BaaS.Tests.Security;

/// <summary>
/// Cookie-authenticated writes from another site's pages are refused with 403 UntrustedOrigin on every way in
/// (operations, batches, sign-out, feature endpoints; JSON, form, multipart or no body); requests that prove the caller
/// (a bearer token), safe methods and trusted origins pass.
/// </summary>
public class CrossSiteRequestTests : IAsyncLifetime
{
    private const string Evil = "https://evil.example";
    private TestServer _server = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _server = await SecureServer.StartAsync(new()
        {
            ["PublicUrl"] = "https://app.example.com",
            ["BaaS:Security:Csrf:TrustedOrigins:0"] = "https://admin.example.com",
            ["BaaS:Security:Cors:AllowedOrigins:0"] = "https://spa.example.com",
        });
        _token = await SecureServer.SignUpAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? origin, HttpContent? content = null, Action<HttpRequestMessage>? change = null)
    {
        using var request = SecureServer.WithCookie(method, path, _token, origin, content);
        change?.Invoke(request);
        return await _server.Http.SendAsync(request);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("UntrustedOrigin", status.GetProperty("errorCode").GetString());
        Assert.Contains("Authorization: Bearer", status.GetProperty("message").GetString());
    }

    public static TheoryData<string, string> WaysIn => new()
    {
        { "json", "/api/SaveNote" },
        { "form", "/api/SaveNote" },
        { "multipart", "/api/SaveNote" },
        { "no body, query string", "/api/SaveNote?text=hi" },
        { "json", "/json/reply/SaveNote" },
        { "batch", "/api/SaveNote[]" },
        { "json", "/auth/logout" },
        { "no body, query string", "/feature/ping" },
    };

    [Theory]
    [MemberData(nameof(WaysIn))]
    public async Task A_cookie_authenticated_write_from_another_site_is_refused_on_every_way_in(string body, string path)
    {
        HttpContent? content = body switch
        {
            "json" => HttpAssert.Json("""{"text":"hi"}"""),
            "batch" => HttpAssert.Json("""[{"text":"hi"}]"""),
            "form" => new FormUrlEncodedContent([new("text", "hi")]),
            "multipart" => new MultipartFormDataContent { { new StringContent("hi"), "text" } },
            _ => null,
        };
        using var refused = await SendAsync(HttpMethod.Post, path, Evil, content);
        await AssertRefusedAsync(refused);

        // The same request from the site's own page goes through.
        using var allowed = await SendAsync(HttpMethod.Post, path, "https://app.example.com", body switch
        {
            "json" => HttpAssert.Json("""{"text":"hi"}"""),
            "batch" => HttpAssert.Json("""[{"text":"hi"}]"""),
            "form" => new FormUrlEncodedContent([new("text", "hi")]),
            "multipart" => new MultipartFormDataContent { { new StringContent("hi"), "text" } },
            _ => null,
        });
        Assert.True(allowed.IsSuccessStatusCode, $"{(int)allowed.StatusCode}: {await allowed.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_refused_sign_out_leaves_the_session_alive_and_a_delete_is_checked_too()
    {
        using var logout = await SendAsync(HttpMethod.Post, "/auth/logout", Evil, HttpAssert.Json("{}"));
        await AssertRefusedAsync(logout);
        using var delete = await SendAsync(HttpMethod.Delete, "/api/DeleteNote?id=3", Evil);
        await AssertRefusedAsync(delete);

        using var still = await SendAsync(HttpMethod.Post, "/api/SaveNote", "https://app.example.com", HttpAssert.Json("""{"text":"still here"}"""));
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task The_origin_is_read_from_the_referer_when_there_is_no_origin_header()
    {
        using var refused = await SendAsync(HttpMethod.Post, "/api/SaveNote", null, HttpAssert.Json("{}"),
            r => r.Headers.Referrer = new Uri("https://evil.example/attack.html"));
        await AssertRefusedAsync(refused);
        using var allowed = await SendAsync(HttpMethod.Post, "/api/SaveNote", null, HttpAssert.Json("{}"),
            r => r.Headers.Referrer = new Uri("https://app.example.com/orders?x=1"));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [InlineData("null")] // a page that hides its origin (sandboxed frame, no-referrer policy)
    [InlineData("https://app.example.com.evil.example")]
    [InlineData("http://app.example.com")] // another scheme is another origin
    [InlineData("https://spa.example.com:8443")]
    public async Task Origins_that_only_resemble_a_trusted_one_are_refused(string origin)
    {
        using var refused = await SendAsync(HttpMethod.Post, "/api/SaveNote", origin, HttpAssert.Json("{}"));
        await AssertRefusedAsync(refused);
    }

    [Theory]
    [InlineData("https://app.example.com")] // the public URL
    [InlineData("HTTPS://APP.EXAMPLE.COM:443")]
    [InlineData("https://admin.example.com")] // Csrf:TrustedOrigins
    [InlineData("https://spa.example.com")] // a CORS origin
    public async Task Trusted_origins_may_send_cookie_authenticated_writes(string origin)
    {
        using var allowed = await SendAsync(HttpMethod.Post, "/api/SaveNote", origin, HttpAssert.Json("""{"text":"ok"}"""));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task The_request_own_origin_is_trusted()
    {
        using var allowed = await SendAsync(HttpMethod.Post, "/api/SaveNote", _server.BaseUrl, HttpAssert.Json("{}"));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Bearer_tokens_safe_methods_and_anonymous_requests_are_not_checked()
    {
        // A bearer token is no ambient credential: a page of another site cannot attach it (CORS decides who reads the answer).
        using var bearer = await SendAsync(HttpMethod.Post, "/api/SaveNote", Evil, HttpAssert.Json("{}"),
            r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token));
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);

        using var read = await SendAsync(HttpMethod.Get, "/auth", Evil);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        using var anonymous = new HttpRequestMessage(HttpMethod.Post, "/api/SaveNote") { Content = HttpAssert.Json("{}") };
        anonymous.Headers.Add("Origin", Evil);
        using var unauthorized = await _server.Http.SendAsync(anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Fact]
    public async Task A_write_without_origin_or_referer_passes_by_default_for_programs_that_hold_the_cookie()
    {
        using var allowed = await SendAsync(HttpMethod.Post, "/api/SaveNote", null, HttpAssert.Json("""{"text":"curl"}"""));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_write_without_origin_or_referer_is_refused_when_the_setting_says_so()
    {
        await using var strict = await SecureServer.StartAsync(new() { ["BaaS:Security:Csrf:AllowWithoutOrigin"] = "false" });
        var token = await SecureServer.SignUpAsync(strict);
        using var request = SecureServer.WithCookie(HttpMethod.Post, "/api/SaveNote", token, content: HttpAssert.Json("{}"));
        using var refused = await strict.Http.SendAsync(request);
        await AssertRefusedAsync(refused);
    }

    [Fact]
    public async Task Signing_out_with_GET_answers_405_and_signs_nobody_out()
    {
        using var get = await SendAsync(HttpMethod.Get, "/auth/logout", null);
        var status = await HttpAssert.ErrorAsync(get, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("POST /auth/logout", status.GetProperty("message").GetString());
        Assert.DoesNotContain(get.Headers, h => h.Key == "Set-Cookie");

        using var session = await SendAsync(HttpMethod.Get, "/auth", null);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
    }
}
