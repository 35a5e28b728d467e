using BaaS.Client;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NativeFixtures.Auth;
using NativeFixtures.Restaurants;

namespace BaaS.NativeTypes.Tests;

/// <summary>A real Kestrel on 127.0.0.1 with a free port, serving the fixtures' DTOs, sign-in and restaurants.</summary>
public sealed class NativeTypesServer : IAsyncDisposable
{
    public static readonly Type[] Services =
    [
        typeof(NativeFixtures.Shapes.ShapeServices), typeof(NativeFixtures.Warehouse.ClashServices),
        typeof(RestaurantServices), typeof(SignInServices),
    ];

    private NativeTypesServer(WebApplication app, string baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public WebApplication App { get; }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public TokenStore Tokens => App.Services.GetRequiredService<TokenStore>();

    public JsonApiClient CreateClient() => new(BaseUrl);

    public static async Task<NativeTypesServer> StartAsync(Type[]? services = null, string serviceName = "TestApp")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TokenStore>();
        builder.Services.AddSingleton<RestaurantStore>();
        builder.Services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddNativeTypes().AddBaaSOpenApi();
        builder.Services.AddBaaS(options =>
        {
            options.ServiceName = serviceName;
            options.ServiceTypes.AddRange(services ?? Services);
        });
        var app = builder.Build();
        app.UseBaaS();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new NativeTypesServer(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>One server per test class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public NativeTypesServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await NativeTypesServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
