using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BaaS.Auth;
using BaaS.Client;
using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Email.Tests.Suites;

/// <summary>
/// Sign-in with an emailed code, written once and run per database and cache store (in memory, on Redis): the code
/// arrives by SMTP and signs in as a password does; wrong, late, reused and guessed codes are refused with their own
/// error codes; concurrent uses of one code let exactly one in; an address without an account answers alike.
/// Expiry is tested by moving the app's clock, which decides it on both stores.
/// </summary>
public abstract class SignInCodeTests(CodeFixture host)
{
    private TestServer App => host.Server;

    private static SmtpMailbox Mailbox => SmtpTestService.Instance.Mailbox;

    private static StringContent Body(object value) => HttpAssert.Json(JsonSerializer.Serialize(value));

    private async Task<string> SendCodeAsync(string email, int nth = 1)
    {
        using var client = App.CreateClient();
        await client.SendAsync(new SendSignInCode { Email = email });
        return await CodeApp.CodeAsync(email, nth);
    }

    private async Task<ApiResult<AuthenticateResponse>> SignInAsync(string email, string code)
    {
        using var client = App.CreateClient();
        return await client.ApiAsync(new SignInWithCode { Email = email, Code = code });
    }

    private static void AssertRefused(ApiResult<AuthenticateResponse> result, string errorCode) =>
        Assert.Equal((400, errorCode, "Code", errorCode), (result.StatusCode, result.ErrorCode, result.FieldErrors.Single().FieldName, result.FieldErrors.Single().ErrorCode));

    [Fact]
    public async Task The_code_arrives_by_smtp_and_signs_in_with_the_answer_and_cookies_of_a_password_sign_in()
    {
        var account = await App.NewAccountAsync();
        using var http = App.CreateHttp();
        using (var sent = await http.PostAsync("/auth/send-code", Body(new { email = account.Email })))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            Assert.Equal("{}", await sent.Content.ReadAsStringAsync());
        }
        var received = Assert.Single(await Mailbox.WaitForAsync(account.Email));
        Assert.Equal("Your sign-in code", received.Message.Subject);
        Assert.Equal([account.Email], received.Recipients);
        var code = CodeApp.CodeIn(received);
        Assert.Contains("10 minutes", received.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains(code, received.Message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("http", received.Message.TextBody, StringComparison.OrdinalIgnoreCase);

        using var byCode = await http.PostAsync("/auth/code", Body(new { email = account.Email, code, rememberMe = true }));
        Assert.Equal(HttpStatusCode.OK, byCode.StatusCode);
        using var byPassword = await http.PostAsync("/auth/credentials", Body(new { userName = account.Email, password = account.Password, rememberMe = true }));
        Assert.Equal(HttpStatusCode.OK, byPassword.StatusCode);

        var session = JsonDocument.Parse(await byCode.Content.ReadAsStringAsync()).RootElement;
        var passwordSession = JsonDocument.Parse(await byPassword.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Names(passwordSession), Names(session));
        Assert.Equal("emailcode", session.GetProperty("authProvider").GetString());
        Assert.Equal(passwordSession.GetProperty("userId").GetString(), session.GetProperty("userId").GetString());
        Assert.NotEqual(passwordSession.GetProperty("sessionId").GetString(), session.GetProperty("sessionId").GetString());
        // The same cookies, with the same attributes; only the tokens in them differ.
        Assert.Equal(CookieShapes(byPassword.Headers), CookieShapes(byCode.Headers));
        Assert.Equal(["ss-tok=; max-age=900; path=/; samesite=lax; httponly", "ss-reftok=; max-age=604800; path=/; samesite=lax; httponly"], CookieShapes(byCode.Headers));

        using var client = App.CreateClient();
        client.BearerToken = session.GetProperty("bearerToken").GetString();
        var current = await client.SendAsync(new Authenticate());
        Assert.Equal((account.Email, "emailcode"), (current.UserName, current.AuthProvider));
        var refreshed = await client.SendAsync(new GetAccessToken { RefreshToken = session.GetProperty("refreshToken").GetString() });
        Assert.False(string.IsNullOrEmpty(refreshed.AccessToken));
    }

    private static List<string> Names(JsonElement json) => [.. json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static List<string> CookieShapes(HttpResponseHeaders headers) =>
        [.. headers.GetValues("Set-Cookie").Select(c => c[..(c.IndexOf('=', StringComparison.Ordinal) + 1)] + c[c.IndexOf(';', StringComparison.Ordinal)..])];

    [Fact]
    public async Task A_wrong_code_is_400_naming_Code_and_the_right_one_still_works()
    {
        var account = await App.NewAccountAsync();
        var code = await SendCodeAsync(account.Email);
        AssertRefused(await SignInAsync(account.Email, CodeApp.Other(code)), "InvalidCode");
        var signedIn = await SignInAsync(account.Email, code[..3] + " " + code[3..]);
        Assert.True(signedIn.Succeeded, signedIn.ErrorMessage);
    }

    [Fact]
    public async Task A_code_works_for_ten_minutes_by_the_app_clock_and_is_then_CodeExpired()
    {
        var account = await App.NewAccountAsync();
        var code = await SendCodeAsync(account.Email);
        using (host.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1)))
            AssertRefused(await SignInAsync(account.Email, code), "CodeExpired");

        var next = await SendCodeAsync(account.Email, 2);
        using (host.Clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(50)))
        {
            var inTime = await SignInAsync(account.Email, next);
            Assert.True(inTime.Succeeded, inTime.ErrorMessage);
        }
    }

    [Fact]
    public async Task A_code_works_once_and_is_then_CodeAlreadyUsed()
    {
        var account = await App.NewAccountAsync();
        var code = await SendCodeAsync(account.Email);
        Assert.True((await SignInAsync(account.Email, code)).Succeeded);
        AssertRefused(await SignInAsync(account.Email, code), "CodeAlreadyUsed");
    }

    [Fact]
    public async Task Of_concurrent_sign_ins_with_one_code_exactly_one_succeeds()
    {
        var account = await App.NewAccountAsync();
        var code = await SendCodeAsync(account.Email);
        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 4).Select(async _ =>
        {
            await start.WaitAsync();
            return await SignInAsync(account.Email, code);
        }).ToList();
        start.Release(attempts.Count);
        var results = await Task.WhenAll(attempts);
        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => r.Failed), r => AssertRefused(r, "CodeAlreadyUsed"));
    }

    [Fact]
    public async Task After_five_wrong_codes_even_the_right_one_is_refused_until_a_new_code_is_sent()
    {
        var account = await App.NewAccountAsync();
        var code = await SendCodeAsync(account.Email);
        for (var i = 0; i < 5; i++) AssertRefused(await SignInAsync(account.Email, CodeApp.Other(code)), "InvalidCode");
        AssertRefused(await SignInAsync(account.Email, code), "TooManyAttempts");
        AssertRefused(await SignInAsync(account.Email, code), "TooManyAttempts");
        var subject = (await App.UserAsync(account.Email)).Id.ToString("N");
        Assert.Single(App.Logs.Messages, m => m.EventId.Id == 2061 && m.Message.Contains(subject, StringComparison.Ordinal));

        var next = await SendCodeAsync(account.Email, 2);
        var signedIn = await SignInAsync(account.Email, next);
        Assert.True(signedIn.Succeeded, signedIn.ErrorMessage);
    }

    [Fact]
    public async Task A_new_code_replaces_the_one_sent_before()
    {
        var account = await App.NewAccountAsync();
        var first = await SendCodeAsync(account.Email);
        var second = await SendCodeAsync(account.Email, 2);
        if (first != second) AssertRefused(await SignInAsync(account.Email, first), "InvalidCode");
        Assert.True((await SignInAsync(account.Email, second)).Succeeded);
    }

    [Fact]
    public async Task An_address_without_an_account_gets_the_same_answers_and_no_email()
    {
        var known = await App.NewAccountAsync();
        var unknown = EmailApp.NewAddress("nobody");
        using var http = App.CreateHttp();
        using var knownSent = await http.PostAsync("/auth/send-code", Body(new { email = known.Email }));
        using var unknownSent = await http.PostAsync("/auth/send-code", Body(new { email = unknown }));
        Assert.Equal(knownSent.StatusCode, unknownSent.StatusCode);
        Assert.Equal(await knownSent.Content.ReadAsStringAsync(), await unknownSent.Content.ReadAsStringAsync());
        Assert.Equal(HeaderNames(knownSent), HeaderNames(unknownSent));

        var code = await CodeApp.CodeAsync(known.Email);
        Assert.Empty(Mailbox.To(unknown));
        var wrong = CodeApp.Other(code);
        for (var i = 0; i < 6; i++)
        {
            var (a, b) = (await SignInAsync(known.Email, wrong), await SignInAsync(unknown, wrong));
            Assert.Equal((a.StatusCode, a.ErrorCode, a.ErrorMessage), (b.StatusCode, b.ErrorCode, b.ErrorMessage));
            AssertRefused(b, i < 5 ? "InvalidCode" : "TooManyAttempts");
        }
    }

    private static List<string> HeaderNames(HttpResponseMessage response) =>
        [.. response.Headers.Concat(response.Content.Headers).Select(h => h.Key).Order(StringComparer.OrdinalIgnoreCase)];

    [Fact]
    public async Task The_cache_holds_an_HMAC_of_the_code_never_the_code_or_the_address()
    {
        var account = await App.NewAccountAsync();
        var code = await SendCodeAsync(account.Email);
        var user = await App.UserAsync(account.Email);
        var stored = await App.Services.GetRequiredService<ICache>().GetAsync<JsonElement>($"otp:sign-in:{user.Id:N}");
        Assert.True(stored.HasValue);
        var text = stored.Value.GetRawText();
        Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        Assert.DoesNotContain(account.Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(32, Convert.FromBase64String(stored.Value.GetProperty("hash").GetString()!).Length);
    }

    [Fact]
    public async Task A_locked_account_is_told_only_after_the_right_code()
    {
        var account = await App.NewAccountAsync();
        var user = await App.UserAsync(account.Email);
        await using (var db = await App.Db.OpenAsync())
        {
            var (id, until) = (user.Id, DateTimeOffset.UtcNow.AddHours(1));
            await db.UpdateOnlyAsync(() => new BaaSUser { LockoutEnd = until }, u => u.Id == id);
        }
        var code = await SendCodeAsync(account.Email);
        AssertRefused(await SignInAsync(account.Email, CodeApp.Other(code)), "InvalidCode");
        var locked = await SignInAsync(account.Email, code);
        Assert.Equal((401, "AccountLocked"), (locked.StatusCode, locked.ErrorCode));
    }

    [Fact]
    public async Task A_missing_or_malformed_code_or_email_is_400_naming_the_field_and_costs_no_attempt()
    {
        var account = await App.NewAccountAsync();
        var code = await SendCodeAsync(account.Email);
        using var client = App.CreateClient();
        var missing = await client.ApiAsync(new SignInWithCode { Email = account.Email });
        Assert.Equal((400, "Required", "Code"), (missing.StatusCode, missing.ErrorCode, missing.FieldErrors.Single().FieldName));
        for (var i = 0; i < 6; i++)
        {
            var shortCode = await client.ApiAsync(new SignInWithCode { Email = account.Email, Code = "12345" });
            Assert.Equal((400, "InvalidFormat", "Code"), (shortCode.StatusCode, shortCode.ErrorCode, shortCode.FieldErrors.Single().FieldName));
        }
        var noEmail = await client.ApiAsync(new SignInWithCode { Code = code });
        Assert.Equal((400, "Email"), (noEmail.StatusCode, noEmail.FieldErrors.Single().FieldName));
        var badEmail = await client.ApiAsync(new SendSignInCode { Email = "no at sign" });
        Assert.Equal((400, "InvalidEmail", "Email"), (badEmail.StatusCode, badEmail.ErrorCode, badEmail.FieldErrors.Single().FieldName));
        Assert.True((await SignInAsync(account.Email, "  " + code[..3] + "-" + code[3..])).Succeeded);
    }

    [Fact]
    public async Task The_documented_typed_client_example_signs_in()
    {
        var email = (await App.NewAccountAsync()).Email;
        var baseUrl = App.BaseUrl;
        Task<string> AskForTheCodeAsync() => CodeApp.CodeAsync(email);   // the user reads it in their mailbox

        #region snippet:auth-sign-in-code
        using var client = new JsonApiClient(baseUrl);
        await client.SendAsync(new SendSignInCode { Email = email });    // the same answer whether or not the address has an account
        var code = await AskForTheCodeAsync();                           // the 6 digits from the email
        var auth = await client.SendAsync(new SignInWithCode { Email = email, Code = code, RememberMe = true });
        client.BearerToken = auth.BearerToken;                           // the client's cookie jar also holds ss-tok / ss-reftok
        #endregion

        Assert.Equal(email, (await client.SendAsync(new Authenticate())).UserName);
    }
}

[Collection(SqliteMemoryCodes.Name)] public sealed class SqliteMemorySignInCodeTests(SqliteMemoryCodeFixture host) : SignInCodeTests(host);

[Collection(SqliteRedisCodes.Name)] public sealed class SqliteRedisSignInCodeTests(SqliteRedisCodeFixture host) : SignInCodeTests(host);

[Collection(PostgreSqlMemoryCodes.Name)] public sealed class PostgreSqlMemorySignInCodeTests(PostgreSqlMemoryCodeFixture host) : SignInCodeTests(host);

[Collection(PostgreSqlRedisCodes.Name)] public sealed class PostgreSqlRedisSignInCodeTests(PostgreSqlRedisCodeFixture host) : SignInCodeTests(host);
