using BaaS.Client;
using BaaS.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BaaS.Tests.Hosting;

/// <summary>A real Kestrel on 127.0.0.1 with a free port, serving chosen services.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, string baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public WebApplication App { get; }

    public string BaseUrl { get; }

    /// <summary>A raw client for exact-bytes protocol tests.</summary>
    public HttpClient Http { get; }

    public JsonApiClient CreateClient() => new(BaseUrl);

    /// <summary>The services every behaviour test uses.</summary>
    public static readonly Type[] StandardServices = [typeof(ItemServices), typeof(EchoServices)];

    public static async Task<TestHost> StartAsync(
        Type[] serviceTypes,
        string environment = "Development",
        Action<BaaSOptions>? configure = null,
        Action<WebApplicationBuilder>? configureBuilder = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ItemStore>();
        builder.Services.AddBaaS(options =>
        {
            options.ServiceName = "TestApp";
            options.ServiceTypes.AddRange(serviceTypes);
            configure?.Invoke(options);
        });
        configureBuilder?.Invoke(builder);
        var app = builder.Build();
        app.UseBaaS();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestHost(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>One Development server shared by the tests of a class.</summary>
public sealed class StandardHostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(TestHost.StandardServices);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
