using BaaS.Client;

namespace BaaS.Email.Tests.Suites;

/// <summary>
/// Email confirmation by code, per database and cache store: a signed-in user asks for a code, it arrives by SMTP, and
/// the right code marks the address confirmed as the link does; codes of one purpose never pass as the other's.
/// </summary>
public abstract class EmailVerificationCodeTests(CodeFixture host)
{
    private TestServer App => host.Server;

    private async Task<JsonApiClient> SignedInAsync(Account account)
    {
        var client = App.CreateClient();
        var auth = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = account.Email, Password = account.Password });
        client.BearerToken = auth.BearerToken;
        return client;
    }

    [Fact]
    public async Task A_signed_in_user_confirms_the_address_with_the_emailed_code()
    {
        var account = await App.NewAccountAsync();
        using var client = await SignedInAsync(account);
        await client.SendAsync(new SendEmailVerificationCode());
        var received = Assert.Single(await SmtpTestService.Instance.Mailbox.WaitForAsync(account.Email));
        Assert.Equal("Your email confirmation code", received.Message.Subject);
        var code = CodeApp.CodeIn(received);
        Assert.Contains(code, received.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("10 minutes", received.Message.TextBody, StringComparison.Ordinal);

        var wrong = await client.ApiAsync(new ConfirmEmailWithCode { Code = CodeApp.Other(code) });
        Assert.Equal((400, "InvalidCode", "Code"), (wrong.StatusCode, wrong.ErrorCode, wrong.FieldErrors.Single().FieldName));
        Assert.False((await App.UserAsync(account.Email)).EmailConfirmed);

        var confirmed = await client.ApiAsync(new ConfirmEmailWithCode { Code = code });
        Assert.True(confirmed.Succeeded, confirmed.ErrorMessage);
        Assert.True((await App.UserAsync(account.Email)).EmailConfirmed);

        var again = await client.ApiAsync(new ConfirmEmailWithCode { Code = code });
        Assert.Equal((400, "CodeAlreadyUsed"), (again.StatusCode, again.ErrorCode));
        var another = await client.ApiAsync(new SendEmailVerificationCode());
        Assert.Equal((409, "EmailAlreadyConfirmed"), (another.StatusCode, another.ErrorCode));
    }

    [Fact]
    public async Task A_late_confirmation_code_is_CodeExpired()
    {
        var account = await App.NewAccountAsync();
        using var client = await SignedInAsync(account);
        await client.SendAsync(new SendEmailVerificationCode());
        var code = await CodeApp.CodeAsync(account.Email);
        using (host.Clock.Advance(TimeSpan.FromMinutes(11)))
        {
            // The access token was made before the clock moved: it has expired too, so sign in again at the later time.
            using var later = await SignedInAsync(account);
            var late = await later.ApiAsync(new ConfirmEmailWithCode { Code = code });
            Assert.Equal((400, "CodeExpired", "Code"), (late.StatusCode, late.ErrorCode, late.FieldErrors.Single().FieldName));
        }
        Assert.False((await App.UserAsync(account.Email)).EmailConfirmed);
    }

    [Fact]
    public async Task A_sign_in_code_does_not_confirm_and_a_confirmation_code_does_not_sign_in()
    {
        var account = await App.NewAccountAsync();
        using var client = await SignedInAsync(account);
        await client.SendAsync(new SendSignInCode { Email = account.Email });
        var signInCode = await CodeApp.CodeAsync(account.Email);
        var asConfirmation = await client.ApiAsync(new ConfirmEmailWithCode { Code = signInCode });
        Assert.Equal((400, "InvalidCode"), (asConfirmation.StatusCode, asConfirmation.ErrorCode));

        await client.SendAsync(new SendEmailVerificationCode());
        var confirmationCode = await CodeApp.CodeAsync(account.Email, 2);
        using var anonymous = App.CreateClient();
        var asSignIn = await anonymous.ApiAsync(new SignInWithCode { Email = account.Email, Code = confirmationCode });
        Assert.Equal((400, "InvalidCode"), (asSignIn.StatusCode, asSignIn.ErrorCode));
        Assert.False((await App.UserAsync(account.Email)).EmailConfirmed);
    }

    [Fact]
    public async Task Confirmation_codes_need_a_signed_in_user()
    {
        using var anonymous = App.CreateClient();
        var send = await anonymous.ApiAsync(new SendEmailVerificationCode());
        Assert.Equal(401, send.StatusCode);
        var confirm = await anonymous.ApiAsync(new ConfirmEmailWithCode { Code = "123456" });
        Assert.Equal(401, confirm.StatusCode);
    }
}

[Collection(SqliteMemoryCodes.Name)] public sealed class SqliteMemoryEmailVerificationCodeTests(SqliteMemoryCodeFixture host) : EmailVerificationCodeTests(host);

[Collection(SqliteRedisCodes.Name)] public sealed class SqliteRedisEmailVerificationCodeTests(SqliteRedisCodeFixture host) : EmailVerificationCodeTests(host);

[Collection(PostgreSqlMemoryCodes.Name)] public sealed class PostgreSqlMemoryEmailVerificationCodeTests(PostgreSqlMemoryCodeFixture host) : EmailVerificationCodeTests(host);

[Collection(PostgreSqlRedisCodes.Name)] public sealed class PostgreSqlRedisEmailVerificationCodeTests(PostgreSqlRedisCodeFixture host) : EmailVerificationCodeTests(host);
