using System.Net;
using BaaS.Client;
using BaaS.Tests.Fixtures;
using BaaS.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Tests.Docs.Examples;

public sealed class GreetingHostFixture : TestServerFixture
{
    protected override void Configure(TestServerOptions options)
    {
        StandardServer.Configure(options);
        options.ServiceTypes.AddRange([typeof(GreetingServices), typeof(GreetingCardServices)]);
        options.ConfigureServices += s => s.AddSingleton(TimeProvider.System).AddSingleton<GreetingCardStore>();
    }
}

/// <summary>Runs the examples the docs show.</summary>
public class DocExampleTests(GreetingHostFixture fixture) : IClassFixture<GreetingHostFixture>
{
    private TestServer Host => fixture.Server;

    [Fact]
    public async Task Greeting_service_answers_at_its_route_and_at_api()
    {
        using var byRoute = await Host.Http.GetAsync("/greetings/Ada?title=Dr");
        Assert.Matches("""^\{"greeting":"Good (morning|afternoon), Dr Ada!"\}$""", await byRoute.Content.ReadAsStringAsync());
        using var client = Host.CreateClient();
        var response = await client.SendAsync(new GetGreeting { Name = "Bo" });
        Assert.EndsWith(", Bo!", response.Greeting);
    }

    [Fact]
    public async Task Client_examples_work_as_documented()
    {
        var baseUrl = Host.BaseUrl;
        #region snippet:client-api
        using var client = new JsonApiClient(baseUrl);

        var result = await client.ApiAsync(new SendGreetingCard { To = "Ada" });   // no Message
        if (result.Failed)
        {
            Console.WriteLine(result.ErrorCode);                     // Required
            Console.WriteLine(result.FieldErrorMessage("Message"));  // 'Message' is required.
        }
        #endregion
        Assert.Equal("Required", result.ErrorCode);
        Assert.Equal("'Message' is required.", result.FieldErrorMessage("Message"));

        #region snippet:client-send
        try
        {
            var card = await client.SendAsync(new GetGreetingCard { Id = 404 });
        }
        catch (WebServiceException e) when (e.StatusCode == 404)
        {
            Console.WriteLine(e.ErrorCode);   // NotFound
            Console.WriteLine(e.Message);     // Card 404 does not exist.
        }
        #endregion
        var error = await Assert.ThrowsAsync<WebServiceException>(() => client.SendAsync(new GetGreetingCard { Id = 404 }));
        Assert.Equal("Card 404 does not exist.", error.Message);
    }

    [Fact]
    public async Task Http_result_and_patch_examples_behave_as_documented()
    {
        using var response = await Host.Http.PostAsync("/api/SendGreetingCard", HttpAssert.Json("""{"to":"Ada","message":"Happy birthday"}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches("^/cards/[0-9]+$", location);

        using var patch = await Host.Http.PatchAsync(location, HttpAssert.Json("""{"message":"Many happy returns"}"""));
        Assert.Contains("\"to\":\"Ada\",\"message\":\"Many happy returns\"", await patch.Content.ReadAsStringAsync());

        using var invalid = await Host.Http.GetAsync("/cards/0");
        var status = await HttpAssert.ErrorAsync(invalid, HttpStatusCode.BadRequest);
        Assert.Equal("GreaterThan", HttpAssert.FieldError(status, "Id").GetProperty("errorCode").GetString());
    }
}
