using BaaS.Files.Tests.Fixtures;

namespace BaaS.Files.Tests;

/// <summary>A list of files on a hand-written service: repeated parts of one name.</summary>
public class ListTests(SqliteLocalFilesFixture fixture) : IClassFixture<SqliteLocalFilesFixture>
{
    [Fact]
    public async Task Several_files_in_one_property_each_arrive_and_are_stored()
    {
        using var client = fixture.CreateClient(FilesFixture.Owner);
        var stored = await client.SendAsync(new UploadDocuments
        {
            Folder = "many",
            Files = [UploadedFile.FromBytes("a.txt", "first"u8.ToArray()), UploadedFile.FromBytes("b.csv", "x,y\n1,2\n"u8.ToArray())],
        });
        Assert.Equal(2, stored.Urls.Count);
        using var owner = fixture.Server.CreateHttp(FilesFixture.Owner);
        Assert.Equal("first", await owner.GetStringAsync(stored.Urls[0]));
        Assert.Equal("x,y\n1,2\n", await owner.GetStringAsync(stored.Urls[1]));
        Assert.EndsWith(".csv", stored.Urls[1]);
    }

    [Fact]
    public async Task More_files_than_the_list_takes_is_400_naming_the_field()
    {
        using var client = fixture.CreateClient(FilesFixture.Owner);
        var result = await client.ApiAsync(new UploadDocuments
        {
            Folder = "many",
            Files = [.. Enumerable.Range(0, 4).Select(i => UploadedFile.FromBytes($"{i}.txt", "x"u8.ToArray()))],
        });
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("MaxItems", result.FieldError("Files")?.ErrorCode);
        Assert.Equal(0, await fixture.TemporaryCountSettledAsync());
    }
}
