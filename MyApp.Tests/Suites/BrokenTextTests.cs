using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MyApp.Tests;

/// <summary>
/// Text that is not valid Unicode, in any string of any operation: a 400 naming the field, never a 500, and never a
/// broken string handed to the database (PostgreSQL refuses one, SQLite stores it).
/// </summary>
public abstract class BrokenTextTests<THost>(THost host) where THost : MyAppFixture
{
    [Fact]
    public async Task Broken_text_in_every_string_of_every_operation_answers_400_naming_a_field()
    {
        using var http = host.CreateHttp();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.Admin.Token);
        using var metadata = JsonDocument.Parse(await http.GetStringAsync("/metadata/app.json"));
        var failures = new List<string>();
        var probed = 0;
        foreach (var operation in metadata.RootElement.GetProperty("api").GetProperty("operations").EnumerateArray())
        {
            var request = operation.GetProperty("request");
            var strings = (request.TryGetProperty("properties", out var properties) ? properties.EnumerateArray() : default)
                .Where(p => p.GetProperty("type").GetString() == "String").Select(p => p.GetProperty("name").GetString()!).ToList();
            if (strings.Count == 0) continue;
            var method = operation.TryGetProperty("method", out var m) && m.GetString() is { Length: > 0 } verb ? verb.Split(',')[0] : "POST";
            var name = request.GetProperty("name").GetString()!;
            foreach (var (kind, body) in new[] { ("escaped", Escaped(strings)), ("raw", Raw(strings)) })
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/" + name) { Content = content });
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode != 400 || !text.Contains("\"fieldName\"", StringComparison.Ordinal))
                    failures.Add($"{method} {name} ({kind}): {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
            }
            probed++;
        }
        Assert.True(probed >= 20, $"Only {probed} operations have string properties.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // {"name":"\ud800","email":"\ud800"}: an unpaired surrogate escape
    private static byte[] Escaped(List<string> names) =>
        Encoding.ASCII.GetBytes("{" + string.Join(",", names.Select(n => $"\"{n}\":\"a\\ud800\"")) + "}");

    // {"name":"<0xFF 0xFE>"}: bytes that are not UTF-8
    private static byte[] Raw(List<string> names)
    {
        var bytes = new List<byte> { (byte)'{' };
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0) bytes.Add((byte)',');
            bytes.AddRange(Encoding.ASCII.GetBytes($"\"{names[i]}\":\"a"));
            bytes.AddRange([0xFF, 0xFE]);
            bytes.Add((byte)'"');
        }
        bytes.Add((byte)'}');
        return [.. bytes];
    }
}

[Collection(SqliteApp.Name)]
public class SqliteBrokenTextTests(SqliteMyAppFixture host) : BrokenTextTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public class PostgreSqlBrokenTextTests(PostgreSqlMyAppFixture host) : BrokenTextTests<PostgreSqlMyAppFixture>(host);
