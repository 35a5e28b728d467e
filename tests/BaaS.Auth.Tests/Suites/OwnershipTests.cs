using System.Net;
using BaaS.Auth.Tests.Fixtures;
using BaaS.Auth.Tests.Infrastructure;

namespace BaaS.Auth.Tests.Suites;

/// <summary>
/// Signed in for real (JWT, cookie, API key), a user cannot read, change or delete another user's rows through the
/// generated APIs that carry an ownership [AutoFilter], not even with ORed filters naming the other user.
/// </summary>
public abstract class OwnershipTests(AuthFixture host)
{
    [Fact]
    public async Task A_user_cannot_reach_another_users_rows_through_generated_apis()
    {
        var alice = await host.SignUpAsync("alice");
        var bob = await host.SignUpAsync("bob");
        var id = int.Parse((await alice.Client.SendAsync(new CreateOwnedNote { Text = "alice's secret" })).Id!);

        Assert.Single((await alice.Client.SendAsync(new QueryOwnedNotes { Id = id })).Results);
        Assert.Empty((await bob.Client.SendAsync(new QueryOwnedNotes { Id = id })).Results);
        Assert.Empty((await bob.Client.SendAsync(new QueryOwnedNotes { OwnerId = Guid.Parse(alice.UserId) })).Results);
        var either = await bob.Client.SendAsync(new QueryOwnedNotesEither { Id = id, TextContains = "secret" });
        Assert.DoesNotContain(either.Results, n => n.Id == id);

        Assert.Equal(404, (await bob.Client.ApiAsync(new PatchOwnedNote { Id = id, Text = "bob was here" })).StatusCode);
        Assert.Equal(404, (await bob.Client.ApiAsync(new DeleteOwnedNote { Id = id })).StatusCode);
        var note = Assert.Single((await alice.Client.SendAsync(new QueryOwnedNotes { Id = id })).Results);
        Assert.Equal("alice's secret", note.Text);
    }

    [Fact]
    public async Task The_ownership_filter_holds_for_cookies_and_api_keys_and_refuses_anonymous_callers()
    {
        var alice = await host.SignUpAsync("alice");
        var id = int.Parse((await alice.Client.SendAsync(new CreateOwnedNote { Text = "cookie and key" })).Id!);

        // bob signed in with cookies only
        var bob = await host.SignUpAsync("bob");
        using var cookies = host.CreateHttp(cookies: true);
        using (var signIn = await cookies.PostAsync("/auth/credentials", Http.Json($$"""{"userName":"{{bob.UserName}}","password":"{{bob.Password}}"}""")))
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var viaCookie = await cookies.GetStringAsync($"/api/QueryOwnedNotes?id={id}");
        Assert.Contains("\"results\":[]", viaCookie);

        // bob's API key
        var key = await bob.Client.SendAsync(new CreateUserApiKey { Name = "notes", Scopes = ["orders:read"] });
        using var withKey = host.CreateHttp();
        withKey.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        var viaKey = await withKey.GetStringAsync($"/api/QueryOwnedNotes?id={id}");
        Assert.Contains("\"results\":[]", viaKey);

        using var anonymous = host.CreateHttp();
        using var refused = await anonymous.GetAsync($"/api/QueryOwnedNotes?id={id}");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteOwnershipTests(SqliteAuthFixture host) : OwnershipTests(host);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlOwnershipTests(PostgreSqlAuthFixture host) : OwnershipTests(host);
