using Microsoft.Extensions.DependencyInjection;
using NativeFixtures.Auth;
using NativeFixtures.Restaurants;

namespace BaaS.NativeTypes.Tests;

/// <summary>The suite's test server: the fixtures' DTOs, their token sign-in scheme and the restaurants.</summary>
public static class NativeTypesTestServer
{
    public static readonly Type[] Services =
    [
        typeof(NativeFixtures.Shapes.ShapeServices), typeof(NativeFixtures.Warehouse.ClashServices),
        typeof(RestaurantServices), typeof(SignInServices),
    ];

    /// <summary>Serves <paramref name="services"/> (by default <see cref="Services"/>) as <paramref name="serviceName"/>.</summary>
    public static void Configure(TestServerOptions options, Type[]? services = null, string serviceName = "TestApp")
    {
        options.ServiceTypes.AddRange(services ?? Services);
        options.BaaS += o => o.ServiceName = serviceName;
        options.ConfigureServices += s =>
        {
            s.AddNativeTypes().AddBaaSOpenApi();
            s.AddSingleton<TokenStore>();
            s.AddSingleton<RestaurantStore>();
            s.AddAuthentication(TokenAuthenticationHandler.SchemeName)
                .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        };
    }

    public static Task<TestServer> StartAsync(Type[]? services = null, string serviceName = "TestApp") =>
        TestServer.StartAsync(o => Configure(o, services, serviceName));
}
