using BaaS.Tests.Fixtures;
using BaaS.Tests.Fixtures.Broken;

namespace BaaS.Tests.Hosting;

/// <summary>Mistakes in the declared API fail startup with a message that names both sides.</summary>
public class StartupTests
{
    private static async Task<string> StartupErrorAsync(params Type[] services)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var host = await StandardServer.StartAsync(services);
        });
        return error.Message;
    }

    [Fact]
    public async Task Route_claimed_by_two_dtos_fails_startup_naming_both()
    {
        var message = await StartupErrorAsync(typeof(ClashServices));
        Assert.Contains(typeof(ClashA).FullName!, message);
        Assert.Contains(typeof(ClashB).FullName!, message);
        Assert.Contains("GET", message);
    }

    [Fact]
    public async Task Two_dtos_with_the_same_name_fail_startup_naming_both()
    {
        var message = await StartupErrorAsync(typeof(Fixtures.Broken.One.SameNameServicesOne), typeof(Fixtures.Broken.Two.SameNameServicesTwo));
        Assert.Contains(typeof(Fixtures.Broken.One.SameName).FullName!, message);
        Assert.Contains(typeof(Fixtures.Broken.Two.SameName).FullName!, message);
    }

    [Fact]
    public async Task Route_variable_without_a_property_fails_startup()
    {
        var message = await StartupErrorAsync(typeof(BadRouteVariableServices));
        Assert.Contains("{Missing}", message);
        Assert.Contains(nameof(BadRouteVariable), message);
    }

    [Fact]
    public async Task Route_verb_that_nothing_serves_fails_startup()
    {
        var message = await StartupErrorAsync(typeof(RouteVerbNotServedServices));
        Assert.Contains("PUT", message);
        Assert.Contains(nameof(RouteVerbNotServed), message);
    }

    [Fact]
    public async Task Dto_served_twice_for_a_verb_fails_startup_naming_both_services()
    {
        var message = await StartupErrorAsync(typeof(ServedTwiceA), typeof(ServedTwiceB));
        Assert.Contains(nameof(ServedTwiceA), message);
        Assert.Contains(nameof(ServedTwiceB), message);
    }

    [Fact]
    public async Task Use_without_add_explains_what_to_call()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        await using var app = builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.UseBaaS());
        Assert.Contains("AddBaaS", error.Message);
    }
}
