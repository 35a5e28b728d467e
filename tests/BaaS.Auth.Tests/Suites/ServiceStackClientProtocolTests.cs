using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BaaS.Auth.Tests.Infrastructure;

namespace BaaS.Auth.Tests.Suites;

/// <summary>
/// The exact requests ServiceStack's clients send for sign-in and token refresh, and the exact answers they read:
/// the C# <c>JsonServiceClient</c> (<c>/json/reply/Authenticate</c>, PascalCase body; <c>/access-token</c>), the C#
/// <c>JsonApiClient</c> (<c>/api/Authenticate</c>), and <c>@servicestack/client</c> 2.1.13 (<c>/api/Authenticate</c>,
/// camelCase; <c>/api/GetAccessToken</c> with <c>refreshToken</c>, or <c>useTokenCookie: true</c> with its own cookie
/// header, which it builds by splitting Set-Cookie on commas).
/// </summary>
public abstract class ServiceStackClientProtocolTests(AuthFixture host)
{
    private static readonly string[] AuthenticateResponseKeys =
        ["userId", "sessionId", "userName", "displayName", "bearerToken", "refreshToken", "refreshTokenExpiry", "roles", "permissions", "authProvider"];

    /// <summary>A request with exactly these bytes and headers, as the client library sends it.</summary>
    private static HttpRequestMessage Request(string path, string body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private static void AssertKeys(JsonElement body, IEnumerable<string> expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

    private static void AssertAuthenticateResponse(JsonElement body, SignedIn user)
    {
        AssertKeys(body, AuthenticateResponseKeys);
        Assert.Equal(user.UserId, body.GetProperty("userId").GetString());
        Assert.Equal(32, body.GetProperty("sessionId").GetString()!.Length);
        Assert.Equal(user.UserName, body.GetProperty("userName").GetString());
        Assert.Equal(user.UserName, body.GetProperty("displayName").GetString());
        Assert.Equal(3, body.GetProperty("bearerToken").GetString()!.Split('.').Length);
        Assert.Equal(43, body.GetProperty("refreshToken").GetString()!.Length);
        Assert.EndsWith("Z", body.GetProperty("refreshTokenExpiry").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("roles").ValueKind);
        Assert.Equal("Customer", body.GetProperty("roles")[0].GetString());
        Assert.Equal(0, body.GetProperty("permissions").GetArrayLength());
        Assert.Equal("credentials", body.GetProperty("authProvider").GetString());
    }

    /// <summary>What @servicestack/client does with Set-Cookie: split on ',', then parse each piece's name=value.</summary>
    private static Dictionary<string, string> CookiesAsTheJavaScriptClientReadsThem(HttpResponseMessage response)
    {
        var cookies = new Dictionary<string, string>();
        var joined = string.Join(", ", response.Headers.GetValues("Set-Cookie"));
        foreach (var piece in joined.Split(','))
        {
            var first = piece.Split(';')[0].Trim();
            var eq = first.IndexOf('=');
            Assert.True(eq > 0, $"'{piece}' is not a cookie: a comma inside a Set-Cookie value breaks this client");
            cookies[first[..eq]] = Uri.UnescapeDataString(first[(eq + 1)..]);
        }
        return cookies;
    }

    [Fact]
    public async Task CSharp_JsonServiceClient_authenticate_at_json_reply_with_PascalCase_body()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        using var request = Request("/json/reply/Authenticate",
            $$"""{"provider":"credentials","UserName":"{{user.UserName}}","Password":"{{user.Password}}","RememberMe":true}""",
            ("Accept", "application/json"));
        using var response = await http.SendAsync(request);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        AssertAuthenticateResponse(await response.JsonAsync(), user);
        Assert.Equal(["ss-reftok", "ss-tok"], response.SetCookies().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CSharp_client_refresh_at_access_token_answers_accessToken()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        using var request = Request("/access-token", $$"""{"RefreshToken":"{{user.RefreshToken}}","UseTokenCookie":false}""", ("Accept", "application/json"));
        using var response = await http.SendAsync(request);
        var body = await response.JsonAsync();
        AssertKeys(body, ["accessToken", "refreshToken", "refreshTokenExpiry"]);
        Assert.Equal(user.UserId, Jwt.Claim(body.GetProperty("accessToken").GetString()!, "sub"));
        // A bearer-token client that sent the token in the body gets no cookies it did not ask for.
        Assert.Empty(response.SetCookies());
    }

    [Fact]
    public async Task CSharp_JsonApiClient_and_api_GetAccessToken_route_answer_the_same_shape()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        using var auth = Request("/api/Authenticate", $$"""{"provider":"credentials","UserName":"{{user.UserName}}","Password":"{{user.Password}}"}""", ("Accept", "application/json"));
        using var authResponse = await http.SendAsync(auth);
        var body = await authResponse.JsonAsync();
        AssertAuthenticateResponse(body, user);
        using var refresh = Request("/api/GetAccessToken", $$"""{"RefreshToken":"{{body.GetProperty("refreshToken").GetString()}}"}""", ("Accept", "application/json"));
        using var refreshResponse = await http.SendAsync(refresh);
        AssertKeys(await refreshResponse.JsonAsync(), ["accessToken", "refreshToken", "refreshTokenExpiry"]);
    }

    [Fact]
    public async Task JavaScript_client_authenticate_at_api_with_camelCase_body_and_cookies_it_can_parse()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        using var request = Request("/api/Authenticate",
            $$"""{"provider":"credentials","userName":"{{user.UserName}}","password":"{{user.Password}}","rememberMe":true}""");
        using var response = await http.SendAsync(request);
        var body = await response.JsonAsync();
        AssertAuthenticateResponse(body, user);
        // It turns on cookie refresh when X-Cookies names ss-reftok.
        Assert.Contains("ss-reftok", response.Headers.GetValues("X-Cookies").Single().Split(','));
        var cookies = CookiesAsTheJavaScriptClientReadsThem(response);
        Assert.Equal(body.GetProperty("bearerToken").GetString(), cookies["ss-tok"]);
        Assert.Equal(body.GetProperty("refreshToken").GetString(), cookies["ss-reftok"]);
    }

    [Fact]
    public async Task JavaScript_client_refresh_with_a_refresh_token_at_api_GetAccessToken()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        using var request = Request("/api/GetAccessToken", $$"""{"refreshToken":"{{user.RefreshToken}}","useTokenCookie":false}""");
        using var response = await http.SendAsync(request);
        var body = await response.JsonAsync();
        AssertKeys(body, ["accessToken", "refreshToken", "refreshTokenExpiry"]);
        Assert.NotEqual(user.BearerToken, body.GetProperty("accessToken").GetString());
    }

    [Fact]
    public async Task JavaScript_client_refresh_with_its_cookie_header_and_useTokenCookie_after_the_access_token_expired()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        using var signIn = await http.SendAsync(Request("/api/Authenticate",
            $$"""{"provider":"credentials","userName":"{{user.UserName}}","password":"{{user.Password}}","rememberMe":true}"""));
        var jar = CookiesAsTheJavaScriptClientReadsThem(signIn);
        string CookieHeader() => string.Join("; ", jar.Select(c => $"{c.Key}={Uri.EscapeDataString(c.Value)}"));

        using (host.Clock.Advance(TimeSpan.FromMinutes(16)))
        {
            // The call fails with 401 (the client keeps sending its stale ss-tok), so it asks for a new token...
            using var expired = await http.SendAsync(Request("/api/RefundOrder", """{"orderId":1}""", ("Cookie", "ss-tok=" + Uri.EscapeDataString(jar["ss-tok"]))));
            Assert.Equal("TokenExpired", (await expired.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
            using var refresh = await http.SendAsync(Request("/api/GetAccessToken", """{"useTokenCookie":true}""", ("Cookie", CookieHeader())));
            Assert.Equal("{}", await refresh.Content.ReadAsStringAsync());
            foreach (var (name, value) in CookiesAsTheJavaScriptClientReadsThem(refresh)) jar[name] = value;
            // ...and retries with the cookies it got.
            using var retried = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/MembersOnly") { Headers = { { "Cookie", CookieHeader() } } });
            Assert.Equal(user.UserName, (await retried.JsonAsync()).GetProperty("userName").GetString());
        }
    }

    [Fact]
    public async Task JavaScript_JsonApiClient_relies_on_the_server_renewing_the_cookie()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        using var signIn = await http.SendAsync(Request("/api/Authenticate",
            $$"""{"provider":"credentials","userName":"{{user.UserName}}","password":"{{user.Password}}"}"""));
        var jar = CookiesAsTheJavaScriptClientReadsThem(signIn);
        using (host.Clock.Advance(TimeSpan.FromMinutes(30)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/MembersOnly")
            {
                Headers = { { "Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={Uri.EscapeDataString(c.Value)}")) } },
            };
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var renewed = CookiesAsTheJavaScriptClientReadsThem(response);
            Assert.NotEqual(jar["ss-reftok"], renewed["ss-reftok"]);
        }
    }

    [Fact]
    public async Task A_failed_sign_in_answers_ServiceStacks_error_shape()
    {
        using var http = host.CreateHttp();
        using var response = await http.SendAsync(Request("/api/Authenticate", """{"provider":"credentials","userName":"nobody","password":"nothing"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"responseStatus":{"errorCode":"InvalidCredentials","message":"Invalid UserName or Password","errors":[]}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Register_answers_ServiceStacks_RegisterResponse_shape()
    {
        using var http = host.CreateHttp();
        var name = host.NewUserName();
        using var response = await http.SendAsync(Request("/register",
            $$"""{"UserName":"{{name}}","Email":"{{name}}@example.com","Password":"correct horse","ConfirmPassword":"correct horse","AutoLogin":true}"""));
        AssertKeys(await response.JsonAsync(), ["userId", "sessionId", "userName", "bearerToken", "refreshToken", "roles", "permissions"]);
    }

    [Fact]
    public async Task An_HTML_form_posts_credentials_to_auth_credentials()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = user.UserName, ["password"] = user.Password, ["rememberMe"] = "true" });
        using var response = await http.PostAsync("/auth/credentials", form);
        AssertAuthenticateResponse(await response.JsonAsync(), user);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteServiceStackClientProtocolTests(SqliteAuthFixture host) : ServiceStackClientProtocolTests(host);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlServiceStackClientProtocolTests(PostgreSqlAuthFixture host) : ServiceStackClientProtocolTests(host);
