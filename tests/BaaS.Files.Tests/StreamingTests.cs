using System.Net;
using System.Net.Http.Headers;
using BaaS.Files.Tests.Fixtures;

namespace BaaS.Files.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StreamingCollection
{
    /// <summary>Alone, so the process's allocation counter measures this test's requests only.</summary>
    public const string Name = "streaming";
}

/// <summary>
/// Uploads stream: the server's memory does not grow with the file. Measured as the bytes the process allocated (client
/// and server share it; the client's generated stream allocates nothing per read), never as a time.
/// </summary>
[Collection(StreamingCollection.Name)]
public class StreamingTests(SqliteLocalFilesFixture fixture) : IClassFixture<SqliteLocalFilesFixture>
{
    private const long OneGiB = 1024L * 1024 * 1024;
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task A_1_GiB_upload_over_the_limit_is_refused_while_it_streams_and_memory_stays_flat()
    {
        var body = new GeneratedStream(OneGiB, PngMagic);
        using var http = fixture.Server.CreateHttp(FilesFixture.Owner);
        using var form = Form(body, "photo", "huge.png", ("name", "Huge"), ("restaurantId", "5"));
        var before = GC.GetTotalAllocatedBytes(precise: true);
        HttpResponseMessage? response = null;
        try
        {
            response = await http.PostAsync("/api/CreateDish", form);
        }
        catch (HttpRequestException)
        {
            // The server may close the connection instead of reading the rest of a refused body: then the status is lost.
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(allocated < OneGiB / 16, $"{allocated:N0} bytes allocated for a 1 GiB upload");
        if (response is not null)
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("\"fieldName\":\"Photo\"", await response.Content.ReadAsStringAsync());
            response.Dispose();
        }
        Assert.Equal(0, await fixture.TemporaryCountSettledAsync());
    }

    [Fact]
    public async Task An_accepted_256_MiB_upload_reaches_the_service_whole_without_the_server_holding_it()
    {
        const long size = 256L * 1024 * 1024;
        var body = new GeneratedStream(size, [0x00, 0x01, 0x02, 0xFF]);
        using var http = fixture.Server.CreateHttp(FilesFixture.Owner);
        using var form = Form(body, "blob", "data.bin");
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await http.PostAsync("/api/CountBlob", form);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains($"\"length\":{size}", text);
        Assert.Contains("application/octet-stream", text);
        Assert.True(allocated < size / 8, $"{allocated:N0} bytes allocated for a {size:N0}-byte upload");
        Assert.Equal(0, await fixture.TemporaryCountSettledAsync());
    }

    private static MultipartFormDataContent Form(Stream file, string field, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        var content = new StreamContent(file, 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, field, fileName);
        return form;
    }
}
