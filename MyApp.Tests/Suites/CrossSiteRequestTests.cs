using System.Net;
using System.Text.Json;
using BaaS;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// A page of another site cannot change a customer's profile through their session cookie: PatchMyProfile with only the
/// <c>ss-tok</c> cookie and a foreign Origin answers 403 UntrustedOrigin, sent as a form, as multipart or as a body-less
/// POST with a query string, and the profile stays as it was; the app's own page may.
/// </summary>
public abstract class CrossSiteRequestTests<THost>(THost host) where THost : MyAppFixture
{
    [Fact]
    public async Task PatchMyProfile_with_the_cookie_from_another_site_is_refused_and_changes_nothing()
    {
        var user = await host.CreateUserAsync(Roles.Customer);
        using var me = host.As(user);
        var id = (await me.SendAsync(new CreateMyProfile { DisplayName = "Mine" })).Id!;
        using var http = host.CreateHttp();

        HttpContent?[] bodies =
        [
            new FormUrlEncodedContent([new("id", id), new("displayName", "Hijacked")]),
            new MultipartFormDataContent { { new StringContent(id), "id" }, { new StringContent("Hijacked"), "displayName" } },
            null,
        ];
        foreach (var body in bodies)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/PatchMyProfile?id={id}&displayName=Hijacked") { Content = body };
            request.Headers.Add("Cookie", "ss-tok=" + user.Token);
            request.Headers.Add("Origin", "https://evil.example");
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode}: {text}");
            Assert.Equal("UntrustedOrigin", JsonDocument.Parse(text).RootElement.GetProperty("responseStatus").GetProperty("errorCode").GetString());
        }
        Assert.Equal("Mine", (await me.SendAsync(new QueryMyProfile())).Results.Single().DisplayName);

        // The app's own page, with the same cookie, may.
        using var own = new HttpRequestMessage(HttpMethod.Post, $"/api/PatchMyProfile?id={id}&displayName=Renamed");
        own.Headers.Add("Cookie", "ss-tok=" + user.Token);
        own.Headers.Add("Origin", host.BaseUrl);
        using var allowed = await http.SendAsync(own);
        Assert.True(allowed.IsSuccessStatusCode, await allowed.Content.ReadAsStringAsync());
        Assert.Equal("Renamed", (await me.SendAsync(new QueryMyProfile())).Results.Single().DisplayName);
    }
}

[Collection(SqliteApp.Name)]
public class SqliteCrossSiteRequestTests(SqliteMyAppFixture host) : CrossSiteRequestTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public class PostgreSqlCrossSiteRequestTests(PostgreSqlMyAppFixture host) : CrossSiteRequestTests<PostgreSqlMyAppFixture>(host);
