using System.Globalization;
using System.Text.Json.Nodes;
using BaaS;
using Microsoft.Playwright;
using MyApp.ServiceInterface;
using MyApp.ServiceModel;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

/// <summary>
/// A file in the API Explorer: PatchMenuItem's Photo gets a file input (the location's types, a preview), the call goes
/// as multipart/form-data, the server's refusal shows under the field, and the curl, TypeScript and C# snippets send the
/// file too: each is run with a file of that name beside it, and the dish ends up with that file's bytes.
/// </summary>
public sealed partial class ApiExplorerCodeTests
{
    private static readonly string DemoOwner = DemoSeeder.EmailOf(Roles.Owner);

    [Fact]
    public async Task A_photo_chosen_in_the_explorer_goes_as_multipart_and_its_curl_typescript_and_csharp_snippets_upload_a_file_too()
    {
        var password = host.DemoPasswords()[DemoOwner];
        using var owner = host.As(await host.SignInAsync(DemoOwner, password));
        var restaurant = (await owner.SendAsync(new QueryMyRestaurants())).Results.First().Id;
        var dish = int.Parse((await owner.SendAsync(new CreateMenuItem
        {
            RestaurantId = restaurant, Name = "Explorer dish " + Guid.NewGuid().ToString("N")[..6], Price = 4m, IsAvailable = false,
        })).Id!, CultureInfo.InvariantCulture);
        using var http = host.CreateHttp();
        async Task<byte[]> StoredPhotoAsync() =>
            await http.GetByteArrayAsync((await owner.SendAsync(new QueryMyMenuItems { Id = dish })).Results.Single().PhotoUrl);

        await using var browser = await TestBrowser.OpenAsync(host.BaseUrl, "sqlite");
        browser.AllowConsoleError("415"); // the executable, refused
        await browser.OpenOperationAsync(nameof(PatchMenuItem), $"id={dish}");
        await browser.SignInToExplorerAsync(DemoOwner, password);
        var input = browser.Field("Photo");
        await Expect(input).ToHaveAttributeAsync("accept", "image/png,image/jpeg,image/webp");
        await Expect(input).Not.ToHaveAttributeAsync("multiple", "");

        // The server's refusal of an executable called dish.png, under the field.
        await input.SetInputFilesAsync(new FilePayload { Name = "dish.png", MimeType = "image/png", Buffer = TestImages.Executable() });
        await browser.Page.GetByTestId("send").ClickAsync();
        await Expect(browser.Page.GetByTestId("response-status")).ToContainTextAsync("415");
        await Expect(browser.Page.GetByTestId("field-error-Photo")).ToContainTextAsync("a program");

        var photo = TestImages.Png(120, 90, seed: 31);
        await input.SetInputFilesAsync(new FilePayload { Name = "dish.png", MimeType = "image/png", Buffer = photo });
        await Expect(browser.Page.GetByTestId("file-preview-Photo")).ToBeVisibleAsync();
        await Expect(browser.Page.GetByTestId("call-line")).ToHaveTextAsync($"PATCH /menu-items/{dish} (multipart/form-data)");
        await browser.Page.GetByTestId("send").ClickAsync();
        await Expect(browser.Page.GetByTestId("response-status")).ToContainTextAsync("200");
        Assert.Equal(photo, await StoredPhotoAsync());
        await browser.ScreenshotAsync("explorer-file");

        var curl = await SnippetAsync(browser, "curl");
        Assert.Contains($"-X PATCH '{host.BaseUrl}/menu-items/{dish}'", curl);
        Assert.Contains("-F 'photo=@dish.png'", curl);
        var ts = await SnippetAsync(browser, "typescript");
        Assert.Contains("form.append('photo', new Blob([await readFile('dish.png')], { type: 'image/png' }), 'dish.png')", ts);
        Assert.Contains("await client.apiForm(new PatchMenuItem({ id: " + dish + " }), form)", ts);
        var cs = await SnippetAsync(browser, "csharp");
        Assert.Contains("Photo = UploadedFile.FromPath(\"dish.png\")", cs);
        Assert.Contains("# The Python client sends JSON, so not the files (photo)", await SnippetAsync(browser, "python"));
        var env = new Dictionary<string, string> { ["BAAS_PASSWORD"] = password };

        // curl, by bash, beside a dish.png of its own.
        var fromCurl = TestImages.Png(60, 40, seed: 32);
        var folder = Scratch("curl-files");
        await File.WriteAllBytesAsync(Path.Combine(folder, "dish.png"), fromCurl);
        var run = await Repo.RunAsync("bash", ["-c", curl], folder, env, timeout: TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(dish.ToString(CultureInfo.InvariantCulture), (string?)JsonNode.Parse(run.Output)!["id"]);
        Assert.Equal(fromCurl, await StoredPhotoAsync());

        // TypeScript, compiled against /types/typescript and run by node.
        var fromNode = TestImages.Png(61, 40, seed: 33);
        folder = await CompileFileSnippetAsync(ts);
        await File.WriteAllBytesAsync(Path.Combine(folder, "dish.png"), fromNode);
        Assert.Equal(dish.ToString(CultureInfo.InvariantCulture), (string?)(await RunJsonAsync("node", [Path.Combine("out", "main.js")], folder, env))["id"]);
        Assert.Equal(fromNode, await StoredPhotoAsync());

        // C#, built against MyApp.ServiceModel and BaaS.Client.
        var fromDotnet = TestImages.Png(62, 40, seed: 34);
        folder = await BuildCSharpAsync(new() { ["patchPhoto"] = cs });
        await File.WriteAllBytesAsync(Path.Combine(folder, "dish.png"), fromDotnet);
        var dll = Path.Combine("bin", Repo.Configuration, "net10.0", "Snippets.dll");
        Assert.Equal(dish.ToString(CultureInfo.InvariantCulture), (string?)(await RunJsonAsync("dotnet", [dll, "patchPhoto"], folder, env))["id"]);
        Assert.Equal(fromDotnet, await StoredPhotoAsync());
    }

    /// <summary>The TypeScript snippet as main.ts beside /types/typescript's dtos.ts, compiled by tsc (node's readFile declared).</summary>
    private async Task<string> CompileFileSnippetAsync(string snippet)
    {
        Repo.RequireNodeModules();
        var folder = Scratch("typescript-files");
        await File.WriteAllTextAsync(Path.Combine(folder, "dtos.ts"), await host.Server.Http.GetTextAsync("/types/typescript"));
        await File.WriteAllTextAsync(Path.Combine(folder, "main.ts"), snippet);
        // process.env and node:fs/promises without @types/node (which the snippet's setup line names).
        await File.WriteAllTextAsync(Path.Combine(folder, "env.d.ts"), """
            declare const process: { env: Record<string, string | undefined> };
            declare module 'node:fs/promises' { export function readFile(path: string): Promise<Uint8Array<ArrayBuffer>>; }
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "tsconfig.json"), """
            {
              "compilerOptions": {
                "target": "ES2022", "module": "commonjs", "lib": ["ES2022", "DOM"], "strict": true,
                "strictPropertyInitialization": false, "noEmitOnError": true, "skipLibCheck": true, "types": [],
                "rootDir": ".", "outDir": "out"
              },
              "files": ["main.ts", "dtos.ts", "env.d.ts"]
            }
            """);
        var tsc = await Repo.RunAsync("node", [Path.Combine(Repo.NodeModules, "typescript", "bin", "tsc"), "-p", "."], folder);
        Assert.True(tsc.ExitCode == 0, tsc.ToString());
        return folder;
    }
}
