using System.Text.Json;
using BaaS.Files.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BaaS.Files.Tests;

/// <summary>
/// The API Explorer's input for a list of files (UploadDocuments' <c>List&lt;UploadedFile&gt;</c>, a hand-written
/// service): a picker taking several files of the location's types, sent as one multipart form with a part per file;
/// the snippets name each file. (MyApp's browser suites cover one file, the Admin UI and running the snippets.)
/// </summary>
public class ExplorerTests(SqliteLocalFilesFixture fixture) : IClassFixture<SqliteLocalFilesFixture>
{
    [Fact]
    public async Task Several_files_chosen_for_a_list_property_are_sent_as_parts_of_one_form_and_each_is_stored()
    {
        await using var browser = await TestBrowser.OpenAsync(fixture.BaseUrl, "files");
        // The fixture signs callers in by a header (the test scheme): the upload carries it; the page itself is anonymous.
        await browser.Page.RouteAsync("**/api/UploadDocuments**", route => route.ContinueAsync(new()
        {
            Headers = new Dictionary<string, string>(route.Request.Headers) { ["X-Test-User"] = FilesFixture.Owner },
        }));
        await browser.Page.GotoAsync("/ui/UploadDocuments?folder=reports");
        var input = browser.Page.GetByTestId("operation-form").Locator("#field-Files");
        await Expect(input).ToHaveAttributeAsync("multiple", "");
        await Expect(input).ToHaveAttributeAsync("accept", "application/pdf,text/plain,text/csv,application/json");
        await Expect(browser.Page.GetByTestId("file-limits-Files")).ToHaveTextAsync("PDF, text, CSV or JSON, up to 1 MB each");

        byte[] notes = "Kitchen notes"u8.ToArray(), prices = "dish,price\npho,9.5\n"u8.ToArray();
        await input.SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = notes },
            new FilePayload { Name = "prices.csv", MimeType = "text/csv", Buffer = prices },
        });
        await Expect(browser.Page.GetByTestId("file-chosen-Files")).ToHaveCountAsync(2);
        var sent = browser.Page.WaitForRequestAsync("**/api/UploadDocuments**");
        await browser.Page.GetByTestId("send").ClickAsync();
        var request = await sent;
        Assert.StartsWith("multipart/form-data", request.Headers["content-type"]);
        await Expect(browser.Page.GetByTestId("response-status")).ToContainTextAsync("200");

        await browser.Page.GetByTestId("response-tab-raw").ClickAsync();
        using var answer = JsonDocument.Parse(await browser.Page.GetByTestId("response-raw").TextContentAsync() ?? "");
        var urls = answer.RootElement.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!).ToList();
        Assert.Equal(2, urls.Count);
        Assert.All(urls, u => Assert.StartsWith("/files/docs/reports/", u));
        using var owner = fixture.Server.CreateHttp(FilesFixture.Owner);
        Assert.Equal([notes, prices], await Task.WhenAll(urls.Select(u => owner.GetByteArrayAsync(u))));

        await browser.Page.GetByTestId("code-tab-curl").ClickAsync();
        var curl = await browser.Page.GetByTestId("code-curl").TextContentAsync();
        Assert.Contains("--form-string 'folder=reports'", curl);
        Assert.Contains("-F 'files=@notes.txt' \\\n    -F 'files=@prices.csv'", curl);
        await browser.Page.GetByTestId("code-tab-csharp").ClickAsync();
        Assert.Contains("Files = [UploadedFile.FromPath(\"notes.txt\"), UploadedFile.FromPath(\"prices.csv\")]",
            await browser.Page.GetByTestId("code-csharp").TextContentAsync());
        await browser.ScreenshotAsync("explorer-files");
    }
}
