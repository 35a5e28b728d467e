using System.Text.Json;
using BaaS.Data;
using BaaS.Files.Tests.Fixtures;

namespace BaaS.Files.Tests;

/// <summary>The generated types, the OpenAPI document and @servicestack/client under node.</summary>
public class ClientTests(SqliteLocalFilesFixture fixture) : IClassFixture<SqliteLocalFilesFixture>
{
    [Fact]
    public async Task The_typescript_client_uploads_with_apiForm_and_a_FormData()
    {
        Repo.RequireNodeModules();
        var restaurant = Random.Shared.Next(1000, 1_000_000);
        var png = TestFiles.Png(12_345, seed: 21);
        var file = Path.Combine(fixture.TempPath + "-node", "photo.png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, png);
        try
        {
            var result = await Repo.RunAsync("node", [Path.Combine(Repo.Root, "tests", "BaaS.Files.Tests", "Programs", "upload.js"), file], Repo.Root,
                new Dictionary<string, string>
                {
                    ["NODE_PATH"] = Repo.NodeModules,
                    ["BAAS_BASE_URL"] = fixture.BaseUrl,
                    ["BAAS_USER"] = FilesFixture.Owner,
                    ["BAAS_RESTAURANT"] = restaurant.ToString(),
                }, timeout: TimeSpan.FromSeconds(60));
            Assert.True(result.ExitCode == 0, result.ToString());
            using var answer = JsonDocument.Parse(result.Output.Trim().Split('\n')[^1]);
            Assert.True(answer.RootElement.GetProperty("succeeded").GetBoolean(), result.Output);
            var id = int.Parse(answer.RootElement.GetProperty("id").GetString()!);
            await using var db = await fixture.Factory.OpenAsync();
            var dish = (await db.SingleByIdAsync<Dish>(id))!;
            Assert.Equal("From node", dish.Name);
            Assert.StartsWith($"/files/menu-photos/restaurants/{restaurant}/", dish.Photo);
            Assert.Equal(png, await fixture.Http.GetByteArrayAsync(dish.Photo));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Fact]
    public async Task Curl_uploads_with_form_fields_and_a_file()
    {
        var restaurant = Random.Shared.Next(1000, 1_000_000);
        var png = TestFiles.Png(7_777, seed: 22);
        var folder = Path.Combine(Path.GetTempPath(), "baas-files-curl-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "pho.png"), png);
        try
        {
            var result = await Repo.RunAsync("curl", ["-s", "-F", "name=Curl Pho", "-F", $"restaurantId={restaurant}", "-F", "photo=@pho.png",
                "-H", $"X-Test-User: {FilesFixture.Owner}", fixture.BaseUrl + "/api/CreateDish"], folder, timeout: TimeSpan.FromSeconds(60));
            Assert.True(result.ExitCode == 0, result.ToString());
            using var answer = JsonDocument.Parse(result.Output);
            var id = int.Parse(answer.RootElement.GetProperty("id").GetString()!);
            await using var db = await fixture.Factory.OpenAsync();
            var dish = (await db.SingleByIdAsync<Dish>(id))!;
            Assert.Equal("Curl Pho", dish.Name);
            Assert.Equal(png, await fixture.Http.GetByteArrayAsync(dish.Photo));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task OpenApi_offers_multipart_with_binary_files_and_validates()
    {
        Repo.RequireNodeModules();
        var json = await fixture.Http.GetStringAsync("/openapi.json");
        using var document = JsonDocument.Parse(json);
        var content = document.RootElement.GetProperty("paths").GetProperty("/api/CreateDish").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("multipart/form-data", out _));
        Assert.True(content.TryGetProperty("application/json", out _));
        var photo = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("CreateDish").GetProperty("properties").GetProperty("photo");
        Assert.Equal("binary", photo.GetProperty("format").GetString());
        // Operations without files keep JSON alone.
        var patchless = document.RootElement.GetProperty("paths").GetProperty("/api/SignFileUrl").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.False(patchless.TryGetProperty("multipart/form-data", out _));

        var path = Path.Combine(Path.GetTempPath(), $"baas-files-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        try
        {
            var result = await Repo.RunAsync("node", [Path.Combine(Repo.TestsFolder, "validate-openapi.js"), path], Repo.TestsFolder);
            Assert.True(result.ExitCode == 0, result.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Generated_types_declare_file_properties()
    {
        var typescript = await fixture.Http.GetStringAsync("/types/typescript");
        Assert.Contains("public photo?: Blob;", typescript);
        var csharp = await fixture.Http.GetStringAsync("/types/csharp");
        Assert.Contains("public UploadedFile? Photo { get; set; }", csharp);
        var python = await fixture.Http.GetStringAsync("/types/python");
        Assert.Contains("photo: typing.Optional[typing.Any] = None", python);
    }
}
