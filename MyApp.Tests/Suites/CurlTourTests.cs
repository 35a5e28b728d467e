using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using BaaS.Data;
using BaaS.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// The README's curl tour, run by bash exactly as written against a fresh MyApp (SQLite, demo data, the demo users'
/// printed passwords), with only the base URL and the three password placeholders filled in, followed by its dish-photo
/// block (a PNG made by the script, uploaded with <c>curl -F</c>). The ids the README promises (restaurant 1, the first
/// new order is 5) hold on a fresh database, so this test has one of its own.
/// </summary>
public sealed partial class CurlTourTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestServer _app = null!;
    private readonly StringWriter _printed = new();
    private string _baseUrl = "";
    private string _folder = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(TestDatabaseKind.SqliteFile, "myapp_curl_tour");
        _folder = Directory.CreateTempSubdirectory("baas-curl-tour-").FullName;
        _app = await MyAppTestServer.StartAsync(_database, _printed, adminEmail: null, adminPassword: null,
            configure: o => o.Configuration["Files:LocalPath"] = Path.Combine(_folder, "files"));
        _baseUrl = _app.BaseUrl;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BaaS.sln"))) return dir.FullName;
        throw new InvalidOperationException("BaaS.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task Readme_curl_tour_runs_as_written_and_each_mistake_answers_what_the_readme_says()
    {
        var readme = (await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"))).ReplaceLineEndings("\n");
        var block = CurlBlock().Match(readme);
        Assert.True(block.Success, "README.md has no ```bash block under '### With curl'");
        var photoBlock = PhotoBlock().Match(readme);
        Assert.True(photoBlock.Success, "README.md has no ```bash block under '#### A dish's photo'");
        // The photo step runs after the tour, in the same shell: it uses $B and the owner's cookie jar.
        var script = block.Groups["code"].Value + photoBlock.Groups["code"].Value;

        // Fill in what a reader fills in: where MyApp listens and the passwords it printed.
        var passwords = MyAppTestServer.PrintedPasswords(_printed.ToString());
        Assert.Contains("B=http://localhost:5000\n", script);
        script = script.Replace("B=http://localhost:5000\n", $"B={_baseUrl}\n", StringComparison.Ordinal);
        foreach (var role in new[] { "customer", "owner", "courier" })
        {
            var placeholder = $"'the {role} password'";
            Assert.Contains(placeholder, script);
            script = script.Replace(placeholder, "'" + passwords[$"{role}@example.com"] + "'", StringComparison.Ordinal);
        }

        // Each response on a line of its own, after the command that asked, so the README's comments can be checked.
        var run = await RunBashAsync("curl() { command curl -s -w '\\n@@status %{http_code}\\n' \"$@\"; }\n" + script);
        Assert.True(run.ExitCode == 0, run.Output);
        var answers = Answers(run.Output);

        // Browsing: open restaurants best rated first, the menu and reviews of restaurant 1.
        Assert.Equal(200, answers[0].Status);
        Assert.Contains("\"name\":\"Thai Palace\"", answers[0].Body);
        Assert.Contains("\"total\":", answers[0].Body);
        Assert.Equal(200, answers[1].Status);
        Assert.Contains("\"restaurantId\":1", answers[1].Body);
        Assert.Equal(200, answers[2].Status);

        // The order is 5 on a fresh database, as the README says, and it goes all the way to the door.
        Assert.Equal(200, answers[3].Status);
        Assert.Contains("\"id\":5,", answers[3].Body);
        Assert.All(answers[4..9], a => Assert.Equal(200, a.Status)); // four moves and the courier's list of pickups
        Assert.Contains("\"id\":5,", answers[6].Body);
        Assert.Contains("\"status\":\"Delivered\"", answers[9].Body);
        Assert.True(answers[10].Status is 200 or 201 or 204, answers[10].ToString());

        // The mistakes answer exactly what the README's comments show.
        var comments = ErrorComment().Matches(script).Select(m => (Status: int.Parse(m.Groups["status"].Value), Code: m.Groups["code"].Value)).ToList();
        Assert.Equal(3, comments.Count);
        for (var i = 0; i < comments.Count; i++)
        {
            var answer = answers[11 + i];
            Assert.Equal(comments[i].Status, answer.Status);
            Assert.Contains($"\"errorCode\":\"{comments[i].Code}\"", answer.Body);
        }
        Assert.Contains("\"fieldName\":\"Items\"", answers[11].Body);
        Assert.Contains("Order 5 is Delivered", answers[13].Body);

        // Metadata, TypeScript DTOs and OpenAPI answer too.
        Assert.All(answers[14..17], a => Assert.Equal(200, a.Status));

        // The dish's photo: the patch answers the dish, the menu its photo's URL, which serves the PNG the script made.
        Assert.Equal(19, answers.Count);
        Assert.Equal(200, answers[17].Status);
        Assert.Contains("\"id\":\"1\"", answers[17].Body);
        Assert.Equal(200, answers[18].Status);
        var photoUrl = JsonDocument.Parse(answers[18].Body).RootElement.GetProperty("results").EnumerateArray()
            .Single(d => d.GetProperty("id").GetInt32() == 1).GetProperty("photoUrl").GetString();
        Assert.StartsWith("/files/menu-photos/", photoUrl);
        using var http = _app.CreateHttp();
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_folder, "dish.png")), await http.GetByteArrayAsync(photoUrl));

        await using var db = await _app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        Assert.Equal(OrderStatus.Delivered, (await db.SingleByIdAsync<Order>(5))!.Status);
        Assert.Equal(5, (await db.SingleAsync<Review>(r => r.OrderId == 5))!.Rating);
    }

    private sealed record Answer(string Body, int Status)
    {
        public override string ToString() => $"{Status} {Body}";
    }

    /// <summary>The responses in order, each body ended by the status line the curl wrapper adds (sign-ins go to /dev/null).</summary>
    private static List<Answer> Answers(string output)
    {
        var answers = new List<Answer>();
        var at = 0;
        foreach (Match status in StatusLine().Matches(output))
        {
            answers.Add(new Answer(output[at..status.Index], int.Parse(status.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture)));
            at = status.Index + status.Length;
        }
        Assert.True(output[at..].Trim().Length == 0, "output after the last response:\n" + output[at..]);
        return answers;
    }

    private async Task<(int ExitCode, string Output)> RunBashAsync(string script)
    {
        var path = Path.Combine(_folder, "tour.sh");
        await File.WriteAllTextAsync(path, "set -euo pipefail\n" + script);
        var start = new ProcessStartInfo("bash", [path]) { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"\n@@status (?<code>\d{3})\n")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"### With curl.*?```bash\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CurlBlock();

    [GeneratedRegex(@"#### A dish's photo.*?```bash\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex PhotoBlock();

    [GeneratedRegex(@"^#\s+(?<status>\d{3}) \{""responseStatus"":\{""errorCode"":""(?<code>\w+)""", RegexOptions.Multiline)]
    private static partial Regex ErrorComment();
}
