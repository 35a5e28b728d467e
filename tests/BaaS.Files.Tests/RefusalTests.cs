using System.Net;
using System.Text.Json;
using BaaS.Client;
using BaaS.Files.Tests.Fixtures;

namespace BaaS.Files.Tests;

/// <summary>Every refusal is a 4xx naming the field, and leaves nothing behind.</summary>
public abstract class RefusalTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : FilesFixture
{
    private readonly int _restaurant = Random.Shared.Next(1000, 1_000_000);

    [Fact]
    public async Task A_file_over_the_location_s_limit_is_refused_413_naming_the_field()
    {
        using var client = fixture.CreateClient(FilesFixture.Owner);
        var result = await client.ApiAsync(new CreateDish { Name = "Big", RestaurantId = _restaurant, Photo = UploadedFile.FromBytes("big.png", TestFiles.Png(2 * 1024 * 1024 + 1)) });
        Assert.Equal(413, result.StatusCode);
        Assert.Equal("FileTooLarge", result.ErrorCode);
        Assert.NotNull(result.FieldError("Photo"));
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task An_executable_named_png_is_refused_by_its_content()
    {
        using var client = fixture.CreateClient(FilesFixture.Owner);
        foreach (var program in new[] { TestFiles.Elf(), TestFiles.Pe() })
        {
            var result = await client.ApiAsync(new CreateDish { Name = "Evil", RestaurantId = _restaurant, Photo = UploadedFile.FromBytes("cat.png", program, "image/png") });
            Assert.Equal(415, result.StatusCode);
            Assert.Equal("UnsupportedFileType", result.ErrorCode);
            Assert.Contains("program", result.FieldErrorMessage("Photo"));
        }
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task Text_sent_as_a_png_is_refused_as_text()
    {
        using var client = fixture.CreateClient(FilesFixture.Owner);
        var result = await client.ApiAsync(new CreateDish { Name = "Text", RestaurantId = _restaurant, Photo = UploadedFile.FromBytes("x.png", "just words"u8.ToArray(), "image/png") });
        Assert.Equal(415, result.StatusCode);
        Assert.Contains("text/plain", result.FieldErrorMessage("Photo"));
    }

    [Fact]
    public async Task A_caller_who_may_not_write_to_the_location_is_refused_before_the_file_is_read()
    {
        using var guest = fixture.CreateClient(FilesFixture.Guest);
        var forbidden = await guest.ApiAsync(new CreateDish { Name = "Guest", RestaurantId = _restaurant, Photo = UploadedFile.FromBytes("g.png", TestFiles.Png()) });
        Assert.Equal(403, forbidden.StatusCode);
        Assert.NotNull(forbidden.FieldError("Photo"));

        using var anonymous = fixture.CreateClient();
        var unauthorized = await anonymous.ApiAsync(new CreateDish { Name = "Anon", RestaurantId = _restaurant, Photo = UploadedFile.FromBytes("a.png", TestFiles.Png()) });
        Assert.Equal(401, unauthorized.StatusCode);
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task A_failing_database_write_removes_the_stored_file()
    {
        var sku = "SKU-" + Guid.NewGuid().ToString("N")[..8];
        using var client = fixture.CreateClient(FilesFixture.Owner);
        await client.SendAsync(new CreateDish { Name = "First", Sku = sku, RestaurantId = _restaurant + 1 });
        var clash = await client.ApiAsync(new CreateDish { Name = "Second", Sku = sku, RestaurantId = _restaurant, Photo = UploadedFile.FromBytes("s.png", TestFiles.Png()) });
        Assert.Equal(409, clash.StatusCode);
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task Client_file_names_never_reach_a_path()
    {
        using var client = fixture.CreateClient(FilesFixture.Owner);
        foreach (var name in new[] { "../../../../etc/passwd", "/etc/passwd", "..\\..\\boot.ini", "C:\\Windows\\win.ini" })
        {
            var stored = await client.SendAsync(new UploadDocument { Folder = "names", File = UploadedFile.FromBytes(name, "hello"u8.ToArray()) });
            Assert.Matches("^/files/docs/names/[0-9a-f]{32}\\.txt$", stored.Url);
            Assert.DoesNotContain("/", stored.OriginalName);
            Assert.DoesNotContain("\\", stored.OriginalName);
            Assert.DoesNotContain("..", stored.OriginalName);
        }
    }

    [Fact]
    public async Task A_dto_value_that_would_leave_the_location_is_refused_naming_the_field()
    {
        using var client = fixture.CreateClient(FilesFixture.Owner);
        foreach (var folder in new[] { "..", "../x", "/etc", "a/b", "a\\b", "" })
        {
            var result = await client.ApiAsync(new UploadDocument { Folder = folder, File = UploadedFile.FromBytes("a.txt", "hello"u8.ToArray()) });
            Assert.True(result.StatusCode == 400, $"{folder}: {result.StatusCode}");
            Assert.NotNull(result.FieldError("Folder"));
        }
    }

    [Fact]
    public async Task Text_for_a_file_property_and_a_file_for_no_file_property_are_400()
    {
        using var http = fixture.Server.CreateHttp(FilesFixture.Owner);
        using var text = new MultipartFormDataContent { { new StringContent("x"), "name" }, { new StringContent("not a file"), "photo" } };
        using var asText = await http.PostAsync("/api/CreateDish", text);
        Assert.Equal(HttpStatusCode.BadRequest, asText.StatusCode);
        Assert.Contains("\"fieldName\":\"Photo\"", await asText.Content.ReadAsStringAsync());

        using var stray = TestFiles.Form([("name", "x")], "menu", "m.png", TestFiles.Png());
        using var strayFile = await http.PostAsync("/api/CreateDish", stray);
        Assert.Equal(HttpStatusCode.BadRequest, strayFile.StatusCode);
        Assert.Contains("\"fieldName\":\"menu\"", await strayFile.Content.ReadAsStringAsync());
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task Content_decides_text_json_and_csv()
    {
        using var client = fixture.CreateClient(FilesFixture.Owner);
        var json = await client.SendAsync(new UploadDocument { Folder = "kinds", File = UploadedFile.FromBytes("data.txt", """{"a":[1,2,{"b":null}]}"""u8.ToArray()) });
        Assert.Equal("application/json", json.ContentType);
        Assert.EndsWith(".json", json.Url);
        var csv = await client.SendAsync(new UploadDocument { Folder = "kinds", File = UploadedFile.FromBytes("rows.csv", "a,b\n1,2\n"u8.ToArray()) });
        Assert.Equal("text/csv", csv.ContentType);
        var broken = await client.SendAsync(new UploadDocument { Folder = "kinds", File = UploadedFile.FromBytes("x.json", """{"a":"""u8.ToArray(), "application/json") });
        Assert.Equal("text/plain", broken.ContentType);
        var binary = await client.ApiAsync(new UploadDocument { Folder = "kinds", File = UploadedFile.FromBytes("x.txt", [0, 1, 2, 3, 0xFF, 0xFE]) });
        Assert.Equal(415, binary.StatusCode);
        Assert.Contains("application/octet-stream", binary.FieldErrorMessage("File"));
    }

    private async Task AssertNothingLeftAsync()
    {
        Assert.Equal(0, await fixture.CountAsync($"menu-photos/restaurants/{_restaurant}/"));
        Assert.Equal(0, await fixture.TemporaryCountSettledAsync());
    }
}

public class SqliteLocalRefusalTests(SqliteLocalFilesFixture fixture) : RefusalTests<SqliteLocalFilesFixture>(fixture);

public class PostgresLocalRefusalTests(PostgresLocalFilesFixture fixture) : RefusalTests<PostgresLocalFilesFixture>(fixture);

public class PostgresS3RefusalTests(PostgresS3FilesFixture fixture) : RefusalTests<PostgresS3FilesFixture>(fixture);
