using System.Net;
using System.Text;
using System.Text.Json;

namespace BaaS.Auth.Tests.Infrastructure;

/// <summary>Raw-HTTP helpers for protocol and attack tests.</summary>
public static class Http
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient http, HttpMethod method, string path, string? json = null,
        string? bearer = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = Json(json);
        if (bearer is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        return await http.SendAsync(request);
    }

    /// <summary>Asserts the status and answers the body's <c>responseStatus</c>.</summary>
    public static async Task<JsonElement> ErrorAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("responseStatus").Clone();
    }

    public static string Code(this JsonElement responseStatus) => responseStatus.GetProperty("errorCode").GetString()!;

    public static string? FieldOf(this JsonElement responseStatus) =>
        responseStatus.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0 ? errors[0].GetProperty("fieldName").GetString() : null;

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>The Set-Cookie headers, by cookie name.</summary>
    public static Dictionary<string, string> SetCookies(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.ToDictionary(v => v[..v.IndexOf('=')], v => v, StringComparer.Ordinal)
            : [];

    /// <summary>The value of a cookie in a Set-Cookie header.</summary>
    public static string CookieValue(string setCookie) => setCookie[(setCookie.IndexOf('=') + 1)..setCookie.IndexOf(';')];
}
