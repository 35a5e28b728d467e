using System.Net;
using BaaS.Metadata;
using BaaS.Tests.Fixtures;
using BaaS.Tests.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Tests.Auth;

public sealed class AuthHostFixture : TestServerFixture
{
    protected override void Configure(TestServerOptions options)
    {
        StandardServer.Configure(options);
        options.ServiceTypes.Add(typeof(AuthServices));
        options.UseTestAuthentication = true;
    }
}

/// <summary>The authorization attributes, enforced on every path, with any ASP.NET Core authentication scheme.</summary>
public class AuthorizationTests(AuthHostFixture fixture) : IClassFixture<AuthHostFixture>
{
    private TestServer Host => fixture.Server;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? user, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (user is not null) request.Headers.Add(TestAuthenticationHandler.Header, user);
        if (json is not null) request.Content = HttpAssert.Json(json);
        return await Host.Http.SendAsync(request);
    }

    [Fact]
    public async Task Anonymous_caller_gets_401_before_the_body_is_read()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/AdminOnly", null, "{ not json");
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Unauthorized", status.GetProperty("errorCode").GetString());
        using var members = await SendAsync(HttpMethod.Get, "/api/MembersOnly", null);
        await HttpAssert.ErrorAsync(members, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signed_in_caller_reaches_authenticated_operations()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/MembersOnly", "ann");
        Assert.Equal("""{"name":"ann"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Missing_role_is_403_and_every_listed_role_is_needed()
    {
        using var none = await SendAsync(HttpMethod.Get, "/api/OwnersOnly", "bob|Customer");
        Assert.Equal("MissingRole", (await HttpAssert.ErrorAsync(none, HttpStatusCode.Forbidden)).GetProperty("errorCode").GetString());
        using var one = await SendAsync(HttpMethod.Get, "/api/OwnersOnly", "bob|Owner");
        Assert.Contains("Verified", (await HttpAssert.ErrorAsync(one, HttpStatusCode.Forbidden)).GetProperty("message").GetString());
        using var both = await SendAsync(HttpMethod.Get, "/api/OwnersOnly", "bob|Owner,Verified");
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
    }

    [Fact]
    public async Task Permission_is_checked_and_admin_has_every_role_and_permission()
    {
        using var without = await SendAsync(HttpMethod.Post, "/api/RefundOrder", "cat|Owner", "{}");
        Assert.Equal("MissingPermission", (await HttpAssert.ErrorAsync(without, HttpStatusCode.Forbidden)).GetProperty("errorCode").GetString());
        using var with = await SendAsync(HttpMethod.Post, "/api/RefundOrder", "cat||orders.refund", "{}");
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        foreach (var path in new[] { "/api/RefundOrder", "/api/AdminOnly" })
        {
            using var admin = await SendAsync(HttpMethod.Post, path, "root|Admin", "{}");
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }
        using var owners = await SendAsync(HttpMethod.Get, "/api/OwnersOnly", "root|Admin");
        Assert.Equal(HttpStatusCode.OK, owners.StatusCode);
        using var notAdmin = await SendAsync(HttpMethod.Post, "/api/AdminOnly", "dan|Owner,Verified", "{}");
        await HttpAssert.ErrorAsync(notAdmin, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Batches_and_gateway_calls_are_authorized_too()
    {
        using var batch = await SendAsync(HttpMethod.Post, "/api/AdminOnly[]", "eve|Owner", "[{}]");
        await HttpAssert.ErrorAsync(batch, HttpStatusCode.Forbidden);
        using var viaGateway = await SendAsync(HttpMethod.Post, "/api/AdminOnlyViaGateway", "eve|Owner", "{}");
        await HttpAssert.ErrorAsync(viaGateway, HttpStatusCode.Forbidden);
        using var adminViaGateway = await SendAsync(HttpMethod.Post, "/api/AdminOnlyViaGateway", "root|Admin", "{}");
        Assert.Equal("""{"name":"root"}""", await adminViaGateway.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metadata_says_who_may_call_each_operation()
    {
        using var client = Host.CreateClient();
        var metadata = await client.SendAsync<AppMetadata>("GET", "/metadata/app.json");
        var ops = metadata.Api.Operations.ToDictionary(o => o.Request.Name);
        Assert.True(ops[nameof(MembersOnly)].RequiresAuth);
        Assert.Null(ops[nameof(MembersOnly)].RequiredRoles);
        Assert.Equal(["Admin"], ops[nameof(AdminOnly)].RequiredRoles);
        Assert.Equal(["Owner", "Verified"], ops[nameof(OwnersOnly)].RequiredRoles);
        Assert.Equal(["orders.refund"], ops[nameof(RefundOrder)].RequiredPermissions);
        Assert.False(ops[nameof(AdminOnlyViaGateway)].RequiresAuth);
        Assert.Null(ops[nameof(AdminOnly)].Request.Attributes);
    }
}
