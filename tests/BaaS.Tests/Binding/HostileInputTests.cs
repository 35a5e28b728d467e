using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BaaS.Tests.Fixtures;
using BaaS.Text;

namespace BaaS.Tests.Binding;

/// <summary>Input a well-behaved client never sends: broken text, huge values, broken forms. Each is a 4xx, never a 500.</summary>
public class HostileInputTests(StandardServerFixture fixture) : IClassFixture<StandardServerFixture>
{
    private TestServer Host => fixture.Server;

    private static ByteArrayContent RawJson(params byte[][] parts)
    {
        var content = new ByteArrayContent([.. parts.SelectMany(p => p)]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public async Task Invalid_utf8_in_a_json_string_answers_400_naming_the_field()
    {
        using var response = await Host.Http.PostAsync("/api/EchoTypes", RawJson(Ascii("""{"id":1,"name":"ab"""), [0xFF, 0xFE], Ascii("\"}")));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid text", HttpAssert.FieldError(status, "Name").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"name":"\ud800"}""", "Name")]
    [InlineData("""{"name":"x\udc00y"}""", "Name")]
    [InlineData("""{"dateTime":"\ud800"}""", "DateTime")]
    [InlineData("""{"id":"\ud800"}""", "Id")]
    [InlineData("""{"names":["ok","\ud800"]}""", "Names")]
    [InlineData("""{"address":{"city":"\ud800"}}""", "Address")]
    [InlineData("""{"meta":{"\ud800":"x"}}""", "Meta")]
    public async Task An_unpaired_surrogate_in_a_json_string_answers_400_naming_the_field(string body, string field)
    {
        using var response = await Host.Http.PostAsync("/api/EchoTypes", HttpAssert.Json(body));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        HttpAssert.FieldError(status, field);
    }

    [Fact]
    public async Task Broken_text_in_a_property_name_answers_400()
    {
        using var escaped = await Host.Http.PostAsync("/api/EchoTypes", HttpAssert.Json("""{"\ud800":1}"""));
        await HttpAssert.ErrorAsync(escaped, HttpStatusCode.BadRequest);
        using var raw = await Host.Http.PostAsync("/api/EchoTypes", RawJson(Ascii("{\""), [0xC3, 0x28], Ascii("\":1}")));
        await HttpAssert.ErrorAsync(raw, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Invalid_percent_encoded_utf8_in_the_url_or_a_form_stays_valid_text()
    {
        // Percent-escapes that are not UTF-8 (an encoded surrogate, a stray byte) are kept as written, never decoded
        // into a string a database would refuse (PostgreSQL) or store broken (SQLite).
        var echo = await EchoAsync(new HttpRequestMessage(HttpMethod.Get, "/api/EchoTypes?name=%ED%A0%80&names=%FF,a&text=%C3%28"));
        AssertValidText(echo.Name);
        AssertValidText(echo.Text);
        Assert.All(echo.Names!, AssertValidText);

        var routed = await EchoAsync(new HttpRequestMessage(HttpMethod.Get, "/echo/5/%ED%A0%80"));
        AssertValidText(routed.Name);

        using var form = new StringContent("name=%ED%A0%80&text=%FF%FE", Encoding.ASCII, "application/x-www-form-urlencoded");
        var posted = await EchoAsync(new HttpRequestMessage(HttpMethod.Post, "/api/EchoTypes") { Content = form });
        AssertValidText(posted.Name);
        AssertValidText(posted.Text);

        var bytes = new ByteArrayContent([0xED, 0xA0, 0x80, 0xFF]);
        using var multipart = new MultipartFormDataContent { { bytes, "name" } };
        var uploaded = await EchoAsync(new HttpRequestMessage(HttpMethod.Post, "/api/EchoTypes") { Content = multipart });
        AssertValidText(uploaded.Name);
    }

    [Fact]
    public async Task A_json_array_in_the_query_string_with_an_unpaired_surrogate_answers_400()
    {
        using var response = await Host.Http.GetAsync("/api/EchoTypes?names=" + Uri.EscapeDataString("""["\ud800"]"""));
        HttpAssert.FieldError(await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest), "Names");
    }

    [Theory]
    [InlineData("id")]
    [InlineData("decimal")]
    [InlineData("addresses")]
    public async Task A_huge_number_is_clipped_in_the_error(string field)
    {
        var digits = new string('9', 3 * 1024 * 1024);
        var body = field == "addresses" ? $$"""{"addresses":[{"street":{{digits}}}]}""" : $$"""{"{{field}}":{{digits}}}""";
        using var response = await Host.Http.PostAsync("/api/EchoTypes", HttpAssert.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(text.Length < 2000, $"The error is {text.Length:N0} characters long.");
        Assert.Contains("99999...", text);
    }

    [Fact]
    public async Task An_unterminated_multipart_body_answers_400()
    {
        const string boundary = "----b0undary";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nhalf a value";
        using var content = new StringContent(body, Encoding.ASCII);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        using var response = await Host.Http.PostAsync("/api/EchoTypes", content);
        Assert.Equal("MalformedForm", (await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest)).GetProperty("errorCode").GetString());
    }

    [Theory]
    [InlineData("multipart/form-data", "--x\r\n\r\n--x--\r\n")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nnot a header line\r\n\r\nv\r\n--x--\r\n")]
    public async Task A_malformed_multipart_body_answers_400(string contentType, string body)
    {
        using var content = new StringContent(body, Encoding.ASCII);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await Host.Http.PostAsync("/api/EchoTypes", content);
        await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_form_over_the_form_readers_own_limits_still_answers_413()
    {
        // 1,025 fields passes the form reader's count limit (1,024): that is a size problem, not a malformed form.
        var fields = string.Join("&", Enumerable.Range(0, 1025).Select(i => $"f{i}=1"));
        using var content = new StringContent(fields, Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await Host.Http.PostAsync("/api/EchoTypes", content);
        await HttpAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private async Task<EchoTypes> EchoAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Host.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            return JsonSerializer.Deserialize<EchoTypes>(body, JsonProtocol.Options)!;
        }
    }

    private static void AssertValidText(string? text)
    {
        Assert.NotNull(text);
        Assert.True(text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') == false || IsWellFormed(text), $"'{text}' has an unpaired surrogate.");
    }

    private static bool IsWellFormed(string text)
    {
        try { _ = new UTF8Encoding(false, true).GetByteCount(text); return true; }
        catch (EncoderFallbackException) { return false; }
    }
}
