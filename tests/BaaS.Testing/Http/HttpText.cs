namespace BaaS.Testing;

/// <summary>Reads text answers in raw-HTTP tests.</summary>
public static class HttpText
{
    /// <summary>GETs text, failing with the body (the ResponseStatus naming the problem) on a non-success status.</summary>
    public static async Task<string> GetTextAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return body;
    }
}
