using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BaaS.Client;
using BaaS.Data;
using BaaS.Files.Tests.Fixtures;

namespace BaaS.Files.Tests;

/// <summary>Uploads through the typed client, raw multipart and batches; downloads byte for byte; ranges and caching.</summary>
public abstract class UploadTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : FilesFixture
{
    private readonly int _restaurant = Random.Shared.Next(1000, 1_000_000);

    [Fact]
    public async Task The_typed_client_uploads_a_file_with_its_dto_and_the_row_gets_its_url()
    {
        var png = TestFiles.Png(50_000);
        using var client = fixture.CreateClient(FilesFixture.Owner);
        #region snippet:files-client
        var created = await client.SendAsync(new CreateDish
        {
            Name = "Pho",
            RestaurantId = _restaurant,
            Photo = UploadedFile.FromBytes("pho.png", png, "image/png"), // or FromStream, FromPath
        });
        #endregion

        var dish = await DishAsync(int.Parse(created.Id!));
        Assert.Equal("Pho", dish.Name);
        Assert.StartsWith($"/files/menu-photos/restaurants/{_restaurant}/", dish.Photo);
        Assert.EndsWith(".png", dish.Photo);

        using var response = await fixture.Http.GetAsync(dish.Photo);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal("bytes", string.Join(",", response.Headers.AcceptRanges));
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task PostFilesWithRequest_sends_files_beside_the_dto()
    {
        var png = TestFiles.Png(10_000, seed: 5);
        using var client = fixture.CreateClient(FilesFixture.Owner);
        await using var stream = new MemoryStream(png);
        #region snippet:files-client-extra
        var created = await client.PostFilesWithRequestAsync(new CreateDish { Name = "Laksa", RestaurantId = _restaurant },
            [new FileUpload("photo", UploadedFile.FromStream("laksa.png", stream))]);
        #endregion
        var dish = await DishAsync(int.Parse(created.Id!));
        Assert.Equal(png, await fixture.Http.GetByteArrayAsync(dish.Photo));
    }

    [Fact]
    public async Task A_raw_multipart_form_as_curl_sends_it_is_accepted()
    {
        var png = TestFiles.Png(20_000, seed: 6);
        using var http = fixture.Server.CreateHttp(FilesFixture.Owner);
        using var form = TestFiles.Form([("name", "Satay"), ("restaurantId", _restaurant.ToString())], "photo", "satay.png", png);
        using var response = await http.PostAsync("/api/CreateDish", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        var dish = await DishAsync(int.Parse(id));
        Assert.Equal(png, await fixture.Http.GetByteArrayAsync(dish.Photo));
    }

    [Fact]
    public async Task A_batch_with_files_stores_each_request_s_file()
    {
        var (a, b) = (TestFiles.Png(3000, seed: 7), TestFiles.Png(4000, seed: 8));
        using var http = fixture.Server.CreateHttp(FilesFixture.Owner);
        using var form = new MultipartFormDataContent
        {
            { new StringContent($$"""[{"name":"One","restaurantId":{{_restaurant}}},{"name":"Two","restaurantId":{{_restaurant}}}]"""), "requests" },
            { Png(a), "[0].photo", "one.png" },
            { Png(b), "[1].Photo", "two.png" },
        };
        using var response = await http.PostAsync("/api/CreateDish[]", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var ids = JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => int.Parse(e.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(a, await fixture.Http.GetByteArrayAsync((await DishAsync(ids[0])).Photo));
        Assert.Equal(b, await fixture.Http.GetByteArrayAsync((await DishAsync(ids[1])).Photo));
    }

    [Fact]
    public async Task A_batch_that_fails_leaves_none_of_its_files()
    {
        var sku = "SKU-" + Guid.NewGuid().ToString("N")[..8];
        using var http = fixture.Server.CreateHttp(FilesFixture.Owner);
        using var form = new MultipartFormDataContent
        {
            { new StringContent($$"""[{"name":"One","sku":"{{sku}}","restaurantId":{{_restaurant}}},{"name":"Two","sku":"{{sku}}","restaurantId":{{_restaurant}}}]"""), "requests" },
            { Png(TestFiles.Png(3000)), "[0].photo", "one.png" },
            { Png(TestFiles.Png(3000)), "[1].photo", "two.png" },
        };
        using var response = await http.PostAsync("/api/CreateDish[]", form);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, await fixture.CountAsync($"menu-photos/restaurants/{_restaurant}/"));
        Assert.Equal(0, await fixture.TemporaryCountSettledAsync());
    }

    [Fact]
    public async Task A_range_answers_206_with_those_bytes_and_416_outside_the_file()
    {
        var png = TestFiles.Png(10_000, seed: 9);
        var url = await CreateAsync(png);

        using var range = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(100, 199) } };
        using var partial = await fixture.Http.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("bytes 100-199/10000", partial.Content.Headers.ContentRange?.ToString());
        Assert.Equal(png[100..200], await partial.Content.ReadAsByteArrayAsync());

        using var suffix = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(null, 16) } };
        using var tail = await fixture.Http.SendAsync(suffix);
        Assert.Equal(png[^16..], await tail.Content.ReadAsByteArrayAsync());

        using var outside = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(20_000, null) } };
        using var refused = await fixture.Http.SendAsync(outside);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, refused.StatusCode);
        Assert.Equal("bytes */10000", refused.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task The_etag_answers_304()
    {
        var url = await CreateAsync(TestFiles.Png(5000, seed: 10));
        using var first = await fixture.Http.GetAsync(url);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var response = await fixture.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task An_empty_file_input_is_no_file()
    {
        using var http = fixture.Server.CreateHttp(FilesFixture.Owner);
        using var form = new MultipartFormDataContent { { new StringContent("Empty input"), "name" }, { new StringContent(_restaurant.ToString()), "restaurantId" } };
        var empty = new ByteArrayContent([]);
        empty.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(empty, "photo", "\"\"");
        empty.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "photo", FileName = "\"\"" };
        using var response = await http.PostAsync("/api/CreateDish", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Null((await DishAsync(int.Parse(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!))).Photo);
        Assert.Equal(0, await fixture.TemporaryCountSettledAsync());
    }

    [Fact]
    public async Task A_json_request_is_a_request_without_a_file()
    {
        using var http = fixture.Server.CreateHttp(FilesFixture.Owner);
        using var response = await http.PostAsync("/api/CreateDish",
            new StringContent($$"""{"name":"No photo","restaurantId":{{_restaurant}},"photo":"data:image/png;base64,AAAA"}""", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var dish = await DishAsync(int.Parse(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!));
        Assert.Null(dish.Photo);
    }

    [Fact]
    public async Task Replacing_a_photo_removes_the_old_file_and_deleting_the_row_removes_the_new_one()
    {
        var old = await CreateAsync(TestFiles.Png(3000, seed: 11));
        var id = (await fixture.Factory.OpenAsync().ContinueWith(async t => { await using var db = t.Result; return await db.SingleAsync<Dish>(d => d.Photo == old); }).Unwrap())!.Id;
        using var client = fixture.CreateClient(FilesFixture.Owner);
        var patched = await client.SendAsync(new PatchDish { Id = id, Photo = UploadedFile.FromBytes("new.png", TestFiles.Png(3000, seed: 12)) });
        Assert.NotEqual(old, patched.Photo);
        Assert.False(await fixture.ExistsAsync(old));
        Assert.True(await fixture.ExistsAsync(patched.Photo!));

        // A patch without a photo keeps it.
        var renamed = await client.SendAsync(new PatchDish { Id = id, Name = "Renamed" });
        Assert.Equal(patched.Photo, renamed.Photo);

        await client.SendAsync(new DeleteDish { Id = id });
        Assert.False(await fixture.ExistsAsync(patched.Photo!));
    }

    [Fact]
    public async Task A_patch_of_a_row_that_does_not_exist_answers_404_and_leaves_no_file()
    {
        using var client = fixture.CreateClient(FilesFixture.Owner);
        var refused = await client.ApiAsync(new PatchDish { Id = int.MaxValue, RestaurantId = _restaurant, Photo = UploadedFile.FromBytes("x.png", TestFiles.Png(2000, seed: 13)) });
        Assert.Equal(404, refused.StatusCode);
        Assert.Equal(0, await fixture.CountAsync($"menu-photos/restaurants/{_restaurant}/"));
    }

    private static ByteArrayContent Png(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    private async Task<string> CreateAsync(byte[] png)
    {
        using var client = fixture.CreateClient(FilesFixture.Owner);
        var created = await client.SendAsync(new CreateDish { Name = "Dish", RestaurantId = _restaurant, Photo = UploadedFile.FromBytes("dish.png", png) });
        return (await DishAsync(int.Parse(created.Id!))).Photo!;
    }

    private async Task<Dish> DishAsync(int id)
    {
        await using var db = await fixture.Factory.OpenAsync();
        return (await db.SingleByIdAsync<Dish>(id))!;
    }
}

public class SqliteLocalUploadTests(SqliteLocalFilesFixture fixture) : UploadTests<SqliteLocalFilesFixture>(fixture);

public class PostgresLocalUploadTests(PostgresLocalFilesFixture fixture) : UploadTests<PostgresLocalFilesFixture>(fixture);

public class PostgresS3UploadTests(PostgresS3FilesFixture fixture) : UploadTests<PostgresS3FilesFixture>(fixture);
