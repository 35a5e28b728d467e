using System.Net;
using System.Net.Http.Headers;
using BaaS.Tests.Fixtures;
using BaaS.Tests.Hosting;

namespace BaaS.Tests.Errors;

public class ErrorTests(StandardServerFixture fixture) : IClassFixture<StandardServerFixture>
{
    private TestServer Host => fixture.Server;

    [Fact]
    public async Task Malformed_json_answers_400_naming_the_position()
    {
        using var response = await Host.Http.PostAsync("/api/EchoTypes", HttpAssert.Json("""{"id": 1, "name": """));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("SerializationException", status.GetProperty("errorCode").GetString());
        Assert.Contains("not valid JSON", status.GetProperty("message").GetString());
        Assert.Equal("Name", HttpAssert.FieldError(status, "Name").GetProperty("fieldName").GetString());
    }

    [Theory]
    [InlineData("[1,2]", "an array")]
    [InlineData("\"text\"", "a string")]
    [InlineData("{} {}", "not valid JSON (line 1, position 4)")]
    public async Task Json_body_that_is_not_one_object_answers_400(string body, string expected)
    {
        using var response = await Host.Http.PostAsync("/api/EchoTypes", HttpAssert.Json(body));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expected, status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Wrong_types_in_the_body_answer_400_with_an_error_per_field()
    {
        using var response = await Host.Http.PostAsync("/api/EchoTypes",
            HttpAssert.Json("""{"id":"abc","bool":"maybe","category":"Purple","dateTime":"yesterday","ids":[1,"x"],"name":"fine"}"""));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("InvalidValue", status.GetProperty("errorCode").GetString());
        Assert.Equal(5, status.GetProperty("errors").GetArrayLength());
        Assert.Contains("expected a whole number", HttpAssert.FieldError(status, "Id").GetProperty("message").GetString());
        Assert.Contains("'maybe'", HttpAssert.FieldError(status, "Bool").GetProperty("message").GetString());
        Assert.Contains("Food, Drink, Other", HttpAssert.FieldError(status, "Category").GetProperty("message").GetString());
        Assert.Contains("ISO-8601", HttpAssert.FieldError(status, "DateTime").GetProperty("message").GetString());
        HttpAssert.FieldError(status, "Ids");
    }

    [Fact]
    public async Task A_bad_value_inside_an_object_or_a_list_is_named_by_its_path_under_the_field()
    {
        using var response = await Host.Http.PostAsync("/api/EchoTypes",
            HttpAssert.Json("""{"addresses":[{"street":"a","city":"b"},{"Street":5}],"address":{"city":["x"]},"name":"fine"}"""));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(2, status.GetProperty("errors").GetArrayLength());
        Assert.Equal("5 is not a valid value for Addresses[1].Street: expected text.",
            HttpAssert.FieldError(status, "Addresses").GetProperty("message").GetString());
        Assert.Equal("an array is not a valid value for Address.city: expected text.",
            HttpAssert.FieldError(status, "Address").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unconvertible_query_values_answer_400_naming_the_field()
    {
        using var response = await Host.Http.GetAsync("/api/EchoTypes?id=12x&ids=1,two&guid=nope&timeSpan=P1Y");
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("'12x' is not a valid value for Id: expected a whole number.",
            HttpAssert.FieldError(status, "Id").GetProperty("message").GetString());
        HttpAssert.FieldError(status, "Ids");
        HttpAssert.FieldError(status, "Guid");
        HttpAssert.FieldError(status, "TimeSpan");
    }

    [Fact]
    public async Task Out_of_range_numbers_answer_400_not_500()
    {
        using var response = await Host.Http.GetAsync("/api/EchoTypes?short=99999&id=99999999999");
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        HttpAssert.FieldError(status, "Short");
        HttpAssert.FieldError(status, "Id");
    }

    [Fact]
    public async Task Missing_required_values_answer_400_naming_each_field()
    {
        using var missingName = await Host.Http.PostAsync("/api/CreateItem", HttpAssert.Json("""{"price":1}"""));
        var status = await HttpAssert.ErrorAsync(missingName, HttpStatusCode.BadRequest);
        Assert.Equal("Required", status.GetProperty("errorCode").GetString());
        Assert.Equal("'Name' is required.", HttpAssert.FieldError(status, "Name").GetProperty("message").GetString());

        using var missingValue = await Host.Http.PostAsync("/api/RequiresValue", HttpAssert.Json("{}"));
        HttpAssert.FieldError(await HttpAssert.ErrorAsync(missingValue, HttpStatusCode.BadRequest), "Value");

        using var sentAsQuery = await Host.Http.PostAsync("/api/RequiresValue?value=3", HttpAssert.Json("{}"));
        Assert.Equal(HttpStatusCode.OK, sentAsQuery.StatusCode);
    }

    [Fact]
    public async Task Unsupported_content_type_answers_415()
    {
        using var response = await Host.Http.PostAsync("/api/EchoTypes", new StringContent("<x/>", System.Text.Encoding.UTF8, "application/xml"));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/xml", status.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("Argument", HttpStatusCode.BadRequest, "ArgumentException")]
    [InlineData("Unauthorized", HttpStatusCode.Forbidden, "UnauthorizedAccessException")]
    [InlineData("KeyNotFound", HttpStatusCode.NotFound, "KeyNotFoundException")]
    [InlineData("Concurrency", HttpStatusCode.Conflict, "DBConcurrencyException")]
    [InlineData("HttpError", (HttpStatusCode)418, "Teapot")]
    [InlineData("Validation", HttpStatusCode.BadRequest, "NotEmpty")]
    [InlineData("NotImplemented", HttpStatusCode.MethodNotAllowed, "NotImplementedException")]
    [InlineData("Other", HttpStatusCode.InternalServerError, "InvalidOperationException")]
    public async Task Exceptions_map_to_their_status_and_error_code(string kind, HttpStatusCode expected, string errorCode)
    {
        using var response = await Host.Http.GetAsync($"/api/Throw?kind={kind}");
        var status = await HttpAssert.ErrorAsync(response, expected);
        Assert.Equal(errorCode, status.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Argument_exception_names_its_parameter_as_the_field()
    {
        using var response = await Host.Http.GetAsync("/api/Throw?kind=Argument");
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Quantity must be positive", status.GetProperty("message").GetString());
        Assert.Equal("Quantity must be positive", HttpAssert.FieldError(status, "Quantity").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Server_errors_carry_the_stack_trace_in_development()
    {
        using var response = await Host.Http.GetAsync("/api/Throw?kind=Other&message=secret%20detail");
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("secret detail", status.GetProperty("message").GetString());
        Assert.Contains("EchoServices", status.GetProperty("stackTrace").GetString());
    }

    [Fact]
    public async Task Server_errors_hide_message_and_stack_trace_in_production()
    {
        await using var production = await StandardServer.StartAsync(o => o.EnvironmentName = "Production");
        using var response = await production.Http.GetAsync("/api/Throw?kind=Other&message=secret%20detail");
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.InternalServerError);
        // Neither the message nor the exception's type (SqliteException, NpgsqlException...) reaches the caller.
        Assert.Equal("InternalServerError", status.GetProperty("errorCode").GetString());
        Assert.DoesNotContain("secret", status.ToString());
        Assert.DoesNotContain("InvalidOperation", status.ToString());
        Assert.False(status.TryGetProperty("stackTrace", out _));

        // 4xx messages are meant for the caller and stay in production.
        using var notFound = await production.Http.GetAsync("/api/Throw?kind=KeyNotFound&message=No%20order%207");
        Assert.Equal("No order 7", (await HttpAssert.ErrorAsync(notFound, HttpStatusCode.NotFound)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Body_over_the_limit_answers_413_from_content_length()
    {
        await using var small = await StandardServer.StartAsync(o => o.BaaS += b => b.MaxRequestBodySize = 1024);
        var big = "{\"name\":\"" + new string('x', 4096) + "\"}";
        using var response = await small.Http.PostAsync("/api/EchoTypes", HttpAssert.Json(big));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("RequestTooLarge", status.GetProperty("errorCode").GetString());
        Assert.Contains("1,024", status.GetProperty("message").GetString());

        using var fits = await small.Http.PostAsync("/api/EchoTypes", HttpAssert.Json("""{"name":"ok"}"""));
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_answers_413()
    {
        await using var small = await StandardServer.StartAsync(o => o.BaaS += b => b.MaxRequestBodySize = 1024);
        var big = System.Text.Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', 8192) + "\"}");
        using var content = new StreamContent(new MemoryStream(big));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/EchoTypes") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await small.Http.SendAsync(request);
        await HttpAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Limit_above_the_servers_own_cap_lets_larger_bodies_in()
    {
        // Kestrel refuses bodies over 30 MB by itself; a larger configured limit must raise that cap.
        await using var large = await StandardServer.StartAsync(o => o.BaaS += b => b.MaxRequestBodySize = 40L * 1024 * 1024);
        var text = new string('y', 31 * 1024 * 1024);
        using var response = await large.Http.PostAsync("/api/EchoTypes", HttpAssert.Json("{\"name\":\"" + text + "\"}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(text[..1000], await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Form_over_the_limit_answers_413()
    {
        await using var small = await StandardServer.StartAsync(o => o.BaaS += b => b.MaxRequestBodySize = 1024);
        using var response = await small.Http.PostAsync("/api/EchoTypes",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = new string('x', 4096) }));
        await HttpAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Hostile_strings_are_returned_byte_for_byte()
    {
        using var client = Host.CreateClient();
        var hostile = "'; DROP TABLE items; -- \"quotes\" <script>alert(1)</script> \u0000 nul \u202Eevil \U0001F355 " + new string('z', 100_000);
        var echo = await client.SendAsync(new EchoTypes { Name = hostile });
        Assert.Equal(hostile, echo.Name);
        var viaQuery = await client.GetAsync(new EchoTypes { Name = hostile[..200] });
        Assert.Equal(hostile[..200], viaQuery.Name);
    }
}
