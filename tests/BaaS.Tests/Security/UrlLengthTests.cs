using System.Net;
using System.Text.Json;

namespace BaaS.Tests.Security;

/// <summary>
/// An over-long URL is refused with the platform's own 414 and a ResponseStatus naming the longest query parameter, not
/// with Kestrel's bare one: Kestrel's request-line limit is raised above BaaSOptions.MaxUrlLength.
/// </summary>
public sealed class UrlLengthTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(o => o.BaaS += b => b.MaxUrlLength = 2048);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(3_000)]
    [InlineData(40_000)] // over Kestrel's default 8 KiB request line
    public async Task A_url_over_the_limit_is_414_naming_its_longest_parameter(int length)
    {
        using var response = await _server.Http.GetAsync($"/api/Anything?skip=1&ids={new string('9', length)}&take=2");
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var status = json.RootElement.GetProperty("responseStatus");
        Assert.Equal("UrlTooLong", status.GetProperty("errorCode").GetString());
        Assert.Equal("ids", Assert.Single(status.GetProperty("errors").EnumerateArray()).GetProperty("fieldName").GetString());
    }

    [Fact]
    public async Task A_url_at_the_limit_goes_on_to_routing()
    {
        var path = "/api/Anything?q=";
        using var response = await _server.Http.GetAsync(path + new string('x', 2048 - path.Length));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("?a=1&bb=22222&c=3", "bb")]
    [InlineData("?%69ds=123456789", "ids")]
    [InlineData("", null)]
    [InlineData("?=xxxxxxxx", null)]
    public void The_longest_parameter_is_named(string query, string? name) =>
        Assert.Equal(name, BaaS.Security.UrlLengthMiddleware.LongestParameter(query));
}
