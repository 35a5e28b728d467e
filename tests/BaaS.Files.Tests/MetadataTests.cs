using System.Text.Json;
using BaaS.Files.Tests.Fixtures;

namespace BaaS.Files.Tests;

/// <summary>The metadata, the OpenAPI document and the generated types show file properties and the locations.</summary>
public class MetadataTests(SqliteLocalFilesFixture fixture) : IClassFixture<SqliteLocalFilesFixture>
{
    [Fact]
    public async Task Plugins_files_lists_the_locations_without_paths_or_secrets()
    {
        var json = await fixture.Http.GetStringAsync("/metadata/app.json");
        using var document = JsonDocument.Parse(json);
        var files = document.RootElement.GetProperty("plugins").GetProperty("files");
        Assert.Equal("/files", files.GetProperty("path").GetString());
        Assert.Equal("local", files.GetProperty("defaultStore").GetString());
        var photos = files.GetProperty("locations").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "menu-photos");
        Assert.Equal("disk", photos.GetProperty("storeKind").GetString());
        Assert.Equal(2 * 1024 * 1024, photos.GetProperty("maxBytes").GetInt64());
        Assert.Equal("roles:Owner", photos.GetProperty("write").GetString());
        Assert.Equal("public", photos.GetProperty("read").GetString());
        Assert.Contains("image/png", photos.GetProperty("allowedTypes").EnumerateArray().Select(t => t.GetString()));
        // The model column AutoQuery writes each file into, and the column of each variant.
        var column = Assert.Single(files.GetProperty("columns").EnumerateArray());
        Assert.Equal(("Dish", "Photo", "menu-photos"), (column.GetProperty("model").GetString(), column.GetProperty("column").GetString(), column.GetProperty("location").GetString()));
        var thumb = Assert.Single(column.GetProperty("variants").EnumerateArray());
        Assert.Equal(("thumb", "PhotoThumb"), (thumb.GetProperty("name").GetString(), thumb.GetProperty("column").GetString()));
        Assert.DoesNotContain(fixture.LocalPath, json);
        Assert.DoesNotContain("signing-key", json);

        var create = document.RootElement.GetProperty("api").GetProperty("operations").EnumerateArray()
            .Single(o => o.GetProperty("request").GetProperty("name").GetString() == nameof(CreateDish));
        var photo = create.GetProperty("request").GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Photo");
        Assert.Equal("UploadedFile", photo.GetProperty("type").GetString());
        var uploadTo = photo.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "UploadTo");
        Assert.Equal("menu-photos", uploadTo.GetProperty("args")[0].GetProperty("value").GetString());
        // The file type is the contract's own: it is not listed among the app's types.
        Assert.DoesNotContain(document.RootElement.GetProperty("api").GetProperty("types").EnumerateArray(), t => t.GetProperty("name").GetString() == "UploadedFile");
    }
}
