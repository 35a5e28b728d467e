using System.Net;
using System.Text.Json;

namespace BaaS.Testing;

/// <summary>Reads error bodies in raw-HTTP tests: the status, the <c>responseStatus</c> object and its field errors.</summary>
public static class HttpAssert
{
    /// <summary>Asserts the status and returns the parsed <c>responseStatus</c> object.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("responseStatus").Clone();
    }

    /// <summary>The field error for <paramref name="fieldName"/> in a <c>responseStatus</c>; fails when there is none.</summary>
    public static JsonElement FieldError(JsonElement responseStatus, string fieldName)
    {
        foreach (var error in responseStatus.GetProperty("errors").EnumerateArray())
            if (error.GetProperty("fieldName").GetString() == fieldName) return error;
        throw new Xunit.Sdk.XunitException($"No field error for '{fieldName}' in {responseStatus}");
    }

    /// <summary>A UTF-8 <c>application/json</c> body.</summary>
    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
