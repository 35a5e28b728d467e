using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Tests.Fixtures;

/// <summary>The framework suite's test server: "TestApp" with the item store, serving the behaviour fixtures by default.</summary>
public static class StandardServer
{
    /// <summary>The services every behaviour test uses.</summary>
    public static readonly Type[] Services = [typeof(ItemServices), typeof(EchoServices)];

    /// <summary>What every server of the suite has, whatever it serves.</summary>
    public static void Configure(TestServerOptions options)
    {
        options.BaaS += o => o.ServiceName = "TestApp";
        options.ConfigureServices += s => s.AddSingleton<ItemStore>();
    }

    /// <summary>Starts a server of the suite serving <see cref="Services"/>, changed by <paramref name="configure"/>.</summary>
    public static Task<TestServer> StartAsync(Action<TestServerOptions>? configure = null) => StartAsync(Services, configure);

    /// <summary>Starts a server of the suite serving <paramref name="services"/>, changed by <paramref name="configure"/>.</summary>
    public static Task<TestServer> StartAsync(Type[] services, Action<TestServerOptions>? configure = null) =>
        TestServer.StartAsync(services, o =>
        {
            Configure(o);
            configure?.Invoke(o);
        });
}
