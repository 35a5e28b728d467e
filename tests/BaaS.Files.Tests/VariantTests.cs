using System.Buffers.Binary;
using BaaS.Data;
using BaaS.Files.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace BaaS.Files.Tests;

/// <summary>Image variants: a job makes the thumbnail after the upload commits and its URL lands on the row; a bad image fails only its job.</summary>
public abstract class VariantTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : FilesFixture
{
    private readonly int _restaurant = Random.Shared.Next(1000, 1_000_000);

    [Fact]
    public async Task A_thumbnail_job_runs_after_the_upload_and_its_url_lands_on_the_row()
    {
        using var client = fixture.CreateClient(FilesFixture.Owner);
        var created = await client.SendAsync(new CreateDish { Name = "Thumbed", RestaurantId = _restaurant, Photo = UploadedFile.FromBytes("big.png", Image(640, 480)) });
        var id = int.Parse(created.Id!);

        var dish = await WaitForAsync(id, d => d.PhotoThumb is not null);
        Assert.Matches($"^/files/menu-photos/restaurants/{_restaurant}/[0-9a-f]{{32}}\\.thumb\\.webp$", dish.PhotoThumb);
        using var response = await fixture.Http.GetAsync(dish.PhotoThumb);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        using var thumb = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((64, 48), (thumb.Width, thumb.Height)); // fitted in 64x64, the aspect kept

        // Replacing the photo drops the old thumbnail with the old photo, and a new one is made.
        var patched = await client.SendAsync(new PatchDish { Id = id, Photo = UploadedFile.FromBytes("tall.png", Image(100, 400)) });
        Assert.Null(patched.PhotoThumb);
        var again = await WaitForAsync(id, d => d.PhotoThumb is not null);
        Assert.NotEqual(dish.PhotoThumb, again.PhotoThumb);
        Assert.False(await fixture.ExistsAsync(dish.PhotoThumb!));
        using var tall = SKBitmap.Decode(await fixture.Http.GetByteArrayAsync(again.PhotoThumb));
        Assert.Equal((16, 64), (tall.Width, tall.Height));
    }

    [Fact]
    public async Task A_corrupt_image_or_a_decompression_bomb_fails_only_its_own_job()
    {
        using var client = fixture.CreateClient(FilesFixture.Owner);
        var corrupt = await client.SendAsync(new CreateDish { Name = "Corrupt", RestaurantId = _restaurant, Photo = UploadedFile.FromBytes("bad.png", TestFiles.Png(5000)) });
        var bomb = await client.SendAsync(new CreateDish { Name = "Bomb", RestaurantId = _restaurant, Photo = UploadedFile.FromBytes("bomb.png", Bomb(50_000, 50_000)) });

        Assert.Equal("NotAnImage", (await FailedJobAsync(int.Parse(corrupt.Id!))).ErrorCode);
        var bombJob = await FailedJobAsync(int.Parse(bomb.Id!));
        Assert.Equal("ImageTooLarge", bombJob.ErrorCode);
        Assert.Equal(1, bombJob.Attempts); // a bad image is not retried

        // The server and its worker go on: the next good image gets its thumbnail.
        var good = await client.SendAsync(new CreateDish { Name = "Good", RestaurantId = _restaurant, Photo = UploadedFile.FromBytes("ok.png", Image(200, 100)) });
        await WaitForAsync(int.Parse(good.Id!), d => d.PhotoThumb is not null);
        Assert.Null((await DishAsync(int.Parse(corrupt.Id!))).PhotoThumb);
    }

    private async Task<JobInfo> FailedJobAsync(int dishId)
    {
        var dish = await DishAsync(dishId);
        var path = dish.Photo!["/files/menu-photos/".Length..];
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using (var scope = fixture.Services.CreateScope())
            {
                var job = await scope.ServiceProvider.GetRequiredService<IBackgroundJobs>().GetJobByRefIdAsync($"file-variants:menu-photos/{path}");
                if (job?.State == JobState.Failed) return job;
                if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"The variant job of dish {dishId} did not fail in 60 s: {job?.State}.");
            }
            await Task.Delay(50);
        }
    }

    private async Task<Dish> WaitForAsync(int id, Func<Dish, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var dish = await DishAsync(id);
            if (condition(dish)) return dish;
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Dish {id} did not get there in 60 s (thumb: {dish.PhotoThumb}).");
            await Task.Delay(50);
        }
    }

    private async Task<Dish> DishAsync(int id)
    {
        await using var db = await fixture.Factory.OpenAsync();
        return (await db.SingleByIdAsync<Dish>(id))!;
    }

    /// <summary>A real PNG of a gradient.</summary>
    private static byte[] Image(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.Red, SKColors.Blue], SKShaderTileMode.Clamp) })
            canvas.DrawRect(0, 0, width, height, paint);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    /// <summary>A PNG whose valid header declares <paramref name="width"/>×<paramref name="height"/> pixels, with almost no data behind it.</summary>
    private static byte[] Bomb(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR"u8, header);
        Chunk(png, "IDAT"u8, [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var crcInput = new byte[type.Length + data.Length];
        type.CopyTo(crcInput);
        data.CopyTo(crcInput.AsSpan(type.Length));
        png.Write(crcInput);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(crcInput));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}

public class SqliteLocalVariantTests(SqliteLocalFilesFixture fixture) : VariantTests<SqliteLocalFilesFixture>(fixture);

public class PostgresS3VariantTests(PostgresS3FilesFixture fixture) : VariantTests<PostgresS3FilesFixture>(fixture);
