using System.Net;
using BaaS.Auth.Tests.Infrastructure;

namespace BaaS.Auth.Tests.Suites;

/// <summary>A host that refuses password sign-in until the email address is confirmed.</summary>
public abstract class ConfirmedEmailHost(TestDatabaseKind kind) : AuthFixture(kind)
{
    protected override void Configure(AuthOptions options) => options.RequireConfirmedEmail = true;
}

public sealed class SqliteConfirmedEmailHost() : ConfirmedEmailHost(TestDatabaseKind.SqliteFile);

public sealed class PostgreSqlConfirmedEmailHost() : ConfirmedEmailHost(TestDatabaseKind.PostgreSql);

/// <summary>With <see cref="AuthOptions.RequireConfirmedEmail"/>, the confirmation link opens the door.</summary>
public abstract class ConfirmedEmailTests(AuthFixture host)
{
    [Fact]
    public async Task Sign_in_is_refused_until_the_email_is_confirmed_and_registration_gives_no_tokens_before()
    {
        using var client = host.CreateClient();
        var name = host.NewUserName();
        var registered = await client.SendAsync(new Register { UserName = name, Email = $"{name}@example.com", Password = "correct horse", AutoLogin = true });
        Assert.Null(registered.BearerToken);
        var before = await client.ApiAsync(new Authenticate { Provider = "credentials", UserName = name, Password = "correct horse" });
        Assert.Equal((403, "EmailNotConfirmed"), (before.StatusCode, before.ErrorCode));
        var wrongPassword = await client.ApiAsync(new Authenticate { Provider = "credentials", UserName = name, Password = "wrong horse" });
        Assert.Equal((401, "InvalidCredentials"), (wrongPassword.StatusCode, wrongPassword.ErrorCode));

        using (var confirm = await host.CreateHttp().GetAsync(host.Emails.Last($"{name}@example.com", "confirm-email").Link))
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var after = await client.ApiAsync(new Authenticate { Provider = "credentials", UserName = name, Password = "correct horse" });
        Assert.True(after.Succeeded, after.ErrorMessage);
    }
}

public sealed class SqliteConfirmedEmailTests(SqliteConfirmedEmailHost host) : ConfirmedEmailTests(host), IClassFixture<SqliteConfirmedEmailHost>;

public sealed class PostgreSqlConfirmedEmailTests(PostgreSqlConfirmedEmailHost host) : ConfirmedEmailTests(host), IClassFixture<PostgreSqlConfirmedEmailHost>;
