using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using BaaS.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BaaS.Redis.Tests.RateLimiting;

/// <summary>
/// App instances serving <see cref="RateLimitProbeServices"/>, on Redis when given one, signed in through the test
/// scheme (<c>X-Test-User</c>); <c>X-Test-ApiKey: {id}</c> adds the API-key claim the platform's key sign-in writes.
/// </summary>
public static class RateLimitNodes
{
    public const string ApiKeyHeader = "X-Test-ApiKey";

    public static Task<TestServer> StartAsync(string? redis, string serviceName, Dictionary<string, string?>? settings = null, TimeProvider? clock = null,
        string environment = "Development") =>
        TestServer.StartAsync([typeof(RateLimitProbeServices)], o =>
        {
            o.EnvironmentName = environment;
            o.UseTestAuthentication = true;
            if (redis is not null) o.Configuration["ConnectionStrings:Redis"] = redis;
            foreach (var (key, value) in settings ?? []) o.Configuration[key] = value;
            o.BaaS = b => b.ServiceName = serviceName;
            o.ConfigureBuilder = builder =>
            {
                builder.Services.AddBaaSRedis(builder.Configuration);
                if (clock is not null) builder.Services.Replace(ServiceDescriptor.Singleton(clock));
            };
            o.ConfigureApp = app => app.Use((context, next) =>
            {
                if (context.User.Identity?.IsAuthenticated == true && context.Request.Headers[ApiKeyHeader] is [{ } key])
                    context.User.AddIdentity(new ClaimsIdentity([new Claim(AuthClaims.ApiKeyId, key)]));
                return next(context);
            });
        });

    /// <summary>A raw client acting as <paramref name="user"/> (or anonymous) from <paramref name="from"/>, sending an API key id when given.</summary>
    public static HttpClient Client(this TestServer server, string? user = null, string? apiKey = null, IPAddress? from = null)
    {
        var http = server.CreateHttp(user, from: from);
        if (apiKey is not null) http.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        return http;
    }

    public static async Task<HttpResponseMessage> CallAsync(this HttpClient http, string operation, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/" + operation);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request);
    }

    public static async Task<HttpStatusCode> StatusAsync(this HttpClient http, string operation, string? forwardedFor = null)
    {
        using var response = await http.CallAsync(operation, forwardedFor);
        return response.StatusCode;
    }

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"No {name} header; status {(int)response.StatusCode}.");

    public static bool HasHeader(this HttpResponseHeaders headers, string name) => headers.Contains(name);
}
