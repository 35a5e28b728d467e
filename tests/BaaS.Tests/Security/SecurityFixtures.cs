using BaaS.Auth;
using BaaS.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Tests.Security;

/// <summary>A write that needs a signed-in user.</summary>
[ValidateIsAuthenticated]
public class SaveNote : IReturn<SaveNoteResponse>, IPost
{
    public string? Text { get; set; }
}

/// <summary>A delete that needs a signed-in user.</summary>
[ValidateIsAuthenticated]
public class DeleteNote : IReturn<SaveNoteResponse>, IDelete
{
    public int Id { get; set; }
}

/// <summary>An open read.</summary>
public class PingNotes : IReturn<SaveNoteResponse>, IGet;

public class SaveNoteResponse
{
    public string? UserName { get; set; }
    public string? Text { get; set; }
}

public class NoteServices : Service
{
    public SaveNoteResponse Get(PingNotes request) => new() { Text = "pong" };

    public SaveNoteResponse Post(SaveNote request) => new() { UserName = User.Identity?.Name, Text = request.Text };

    public SaveNoteResponse Delete(DeleteNote request) => new() { UserName = User.Identity?.Name, Text = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

/// <summary>
/// A server with the auth feature on SQLite, the OpenAPI feature (Swagger page), health checks at <c>/health</c>, and
/// endpoints of its own: <c>POST /feature/ping</c> (a feature endpoint outside the operations) and two HTML pages, one
/// declaring its own policy.
/// </summary>
public static class SecureServer
{
    public const string DeclaredPolicy = "default-src 'self'; img-src 'self' https://images.example";

    /// <summary>The policy the page answered by middleware declares for itself.</summary>
    public const string MiddlewarePolicy = "default-src 'none'; script-src 'self'; style-src 'self'";

    public static Task<TestServer> StartAsync(Dictionary<string, string?>? configuration = null, string environment = "Development",
        Action<TestServerOptions>? configure = null) =>
        TestServer.StartAsync([typeof(NoteServices)], o =>
        {
            o.EnvironmentName = environment;
            o.FollowRedirects = false;
            o.Dialect = TestDatabaseKind.SqliteFile;
            o.DatabasePrefix = "security_tests";
            o.PrepareDatabase = async factory => await new Migrator(factory, AuthMigrations.Types).RunAsync();
            o.Configuration["Auth:Jwt:Secret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            foreach (var (key, value) in configuration ?? []) o.Configuration[key] = value;
            o.ConfigureBuilder += b =>
            {
                b.Services.AddBaaSAuth(b.Configuration.GetSection("Auth"), a => a.PasswordHashIterations = 1_000);
                b.Services.AddBaaSOpenApi();
                b.Services.AddHealthChecks();
            };
            o.ConfigureApp += app =>
            {
                app.MapHealthChecks("/health");
                app.MapPost("/feature/ping", (HttpContext c) => Results.Text("pong " + c.User.Identity?.Name));
                app.MapGet("/pages/plain", () => Results.Content("<!DOCTYPE html><p>plain</p>", "text/html"));
                app.MapGet("/pages/declared", () => Results.Content("<!DOCTYPE html><p>declared</p>", "text/html")).WithContentSecurityPolicy(DeclaredPolicy);
                // A page answered by middleware, which has no endpoint to carry a policy: it declares one per request.
                app.UseWhen(c => c.Request.Path.StartsWithSegments("/pages/by-middleware"), branch => branch.Run(async c =>
                {
                    PageSecurityPolicy.Set(c, MiddlewarePolicy);
                    c.Response.ContentType = "text/html";
                    await c.Response.WriteAsync("<!DOCTYPE html><p>by middleware</p>");
                }));
            };
            configure?.Invoke(o);
        });

    /// <summary>Registers a user; returns their access token.</summary>
    public static async Task<string> SignUpAsync(TestServer server)
    {
        using var client = server.CreateClient();
        var name = "user" + Guid.NewGuid().ToString("N")[..10];
        var registered = await client.SendAsync(new Register { UserName = name, Email = name + "@example.com", Password = "a long password", AutoLogin = true });
        return registered.BearerToken!;
    }

    /// <summary>A request carrying <paramref name="token"/> as the <c>ss-tok</c> cookie, as a browser sends it.</summary>
    public static HttpRequestMessage WithCookie(HttpMethod method, string path, string token, string? origin = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Cookie", "ss-tok=" + token);
        if (origin is not null) request.Headers.Add("Origin", origin);
        return request;
    }
}
