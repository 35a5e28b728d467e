using System.Diagnostics;
using System.Globalization;
using BaaS;
using BaaS.Client;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// Dish photos and restaurant logos (MyApp's Configure.Files.cs): an owner uploads them with the C# client, the public
/// menu and restaurant list answer their URLs and, once the background job ran, their thumbnails; the files are served
/// as uploaded. Refused: another owner's restaurant or dish, a customer, an executable called .png, a file over the
/// limit; none leaves a file in the store.
/// </summary>
public abstract class MenuImageTests<THost>(THost host) where THost : MyAppFixture
{
    [Fact]
    public async Task An_owner_uploads_a_dish_photo_and_the_menu_answers_its_url_then_its_thumbnails_once_the_job_ran()
    {
        using var owner = host.As(host.Owner);
        var restaurantId = await NewRestaurantAsync(owner);
        var photo = TestImages.Png(640, 480, seed: 2);
        #region snippet:myapp-upload-photo
        var created = await owner.SendAsync(new CreateMenuItem
        {
            RestaurantId = restaurantId,
            Name = "Pad Thai",
            Price = 11.50m,
            Photo = UploadedFile.FromBytes("pad-thai.png", photo, "image/png"), // or FromPath, FromStream
        });
        #endregion

        // Anyone reads the menu with the photo's URL, and the URL serves the bytes sent.
        using var anonymous = host.CreateClient();
        var dish = Assert.Single((await anonymous.SendAsync(new QueryMenuItems { RestaurantId = restaurantId })).Results);
        Assert.Equal(created.Id, dish.Id.ToString(CultureInfo.InvariantCulture));
        Assert.StartsWith("/files/menu-photos/", dish.PhotoUrl);
        Assert.EndsWith(".png", dish.PhotoUrl);
        using var http = host.CreateHttp();
        using (var served = await http.GetAsync(dish.PhotoUrl))
        {
            Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
            Assert.Equal(photo, await served.Content.ReadAsByteArrayAsync());
        }

        // The job makes a 200 px thumbnail and an 800 px web copy; the (cached, anonymous) menu answers them once made.
        var done = await UntilAsync(async () => Assert.Single((await anonymous.SendAsync(new QueryMenuItems { RestaurantId = restaurantId })).Results),
            d => d.PhotoThumbUrl is not null && d.PhotoWebUrl is not null, "the photo's thumbnails on the menu");
        Assert.Equal(dish.PhotoUrl, done.PhotoUrl);
        var thumb = await http.GetAsync(done.PhotoThumbUrl);
        Assert.Equal("image/webp", thumb.Content.Headers.ContentType?.MediaType);
        Assert.Equal((200, 150), TestImages.SizeOf(await thumb.Content.ReadAsByteArrayAsync()));
        var web = await http.GetAsync(done.PhotoWebUrl);
        Assert.Equal((640, 480), TestImages.SizeOf(await web.Content.ReadAsByteArrayAsync())); // never enlarged

        // The owner's own list shows the same columns.
        var mine = Assert.Single((await owner.SendAsync(new QueryMyMenuItems { RestaurantId = restaurantId })).Results);
        Assert.Equal((done.PhotoUrl, done.PhotoThumbUrl, done.PhotoWebUrl), (mine.PhotoUrl, mine.PhotoThumbUrl, mine.PhotoWebUrl));
    }

    [Fact]
    public async Task A_restaurant_gets_a_logo_and_a_new_logo_replaces_it_and_its_thumbnails()
    {
        using var owner = host.As(host.Owner);
        var name = "Logo Kitchen " + Guid.NewGuid().ToString("N")[..8];
        var id = int.Parse((await owner.SendAsync(new CreateRestaurant
        {
            Name = name, Cuisine = "Test", DeliveryFee = 1m, IsOpen = true, Logo = UploadedFile.FromBytes("logo.png", TestImages.Png(300, 300, seed: 3)),
        })).Id!, CultureInfo.InvariantCulture);
        using var anonymous = host.CreateClient();
        var first = await UntilAsync(async () => Assert.Single((await anonymous.SendAsync(new QueryRestaurants { NameContains = name })).Results),
            r => r.LogoThumbUrl is not null && r.LogoWebUrl is not null, "the first logo's thumbnails");
        Assert.StartsWith("/files/restaurant-logos/", first.LogoUrl);

        var second = TestImages.Png(100, 50, seed: 4);
        await owner.SendAsync(new PatchRestaurant { Id = id, Logo = UploadedFile.FromBytes("new-logo.png", second) });
        var replaced = await UntilAsync(async () => Assert.Single((await anonymous.SendAsync(new QueryRestaurants { NameContains = name })).Results),
            r => r.LogoUrl != first.LogoUrl && r.LogoThumbUrl is not null, "the new logo's thumbnail");
        using var http = host.CreateHttp();
        Assert.Equal(second, await http.GetByteArrayAsync(replaced.LogoUrl));
        Assert.Equal((100, 50), TestImages.SizeOf(await http.GetByteArrayAsync(replaced.LogoThumbUrl))); // fits already: kept as is
        // The old logo and its copies are gone from the store and from the site.
        foreach (var old in new[] { first.LogoUrl!, first.LogoThumbUrl!, first.LogoWebUrl! })
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(old)).StatusCode);
    }

    [Fact]
    public async Task Another_owner_cannot_put_a_photo_on_a_restaurant_or_dish_not_theirs_and_no_file_is_left()
    {
        using var owner = host.As(host.Owner);
        var restaurantId = await NewRestaurantAsync(owner);
        var dishId = (await owner.SendAsync(new CreateMenuItem { RestaurantId = restaurantId, Name = "Satay", Price = 6m })).Id!;
        using var other = host.As(host.OtherOwner);
        var photo = TestImages.Png(64, 64, seed: 5);

        var create = await other.ApiAsync(new CreateMenuItem { RestaurantId = restaurantId, Name = "Intruder", Price = 1m, Photo = UploadedFile.FromBytes("x.png", photo) });
        Assert.Equal(400, create.StatusCode);
        Assert.Equal("NotYourRestaurant", create.FieldError(nameof(CreateMenuItem.RestaurantId))?.ErrorCode);

        var patch = await other.ApiAsync(new PatchMenuItem { Id = int.Parse(dishId, CultureInfo.InvariantCulture), Photo = UploadedFile.FromBytes("x.png", photo) });
        Assert.Equal(404, patch.StatusCode);

        // A customer is refused by the operation's role, as without a file.
        using var customer = host.As(host.Customer);
        var byCustomer = await customer.ApiAsync(new PatchMenuItem { Id = int.Parse(dishId, CultureInfo.InvariantCulture), Photo = UploadedFile.FromBytes("x.png", photo) });
        Assert.Equal((403, "MissingRole"), (byCustomer.StatusCode, byCustomer.ErrorCode));

        Assert.Empty(TestImages.FilesHolding(host.FilesPath, photo));
        Assert.Null(Assert.Single((await owner.SendAsync(new QueryMyMenuItems { RestaurantId = restaurantId })).Results).PhotoUrl);
    }

    [Fact]
    public async Task An_executable_named_png_and_a_photo_over_the_limit_are_refused_naming_the_field_and_nothing_is_stored()
    {
        using var owner = host.As(host.Owner);
        var restaurantId = await NewRestaurantAsync(owner);
        var program = TestImages.Executable();
        var disguised = await owner.ApiAsync(new CreateMenuItem
        {
            RestaurantId = restaurantId, Name = "Trojan", Price = 1m, Photo = UploadedFile.FromBytes("dish.png", program, "image/png"),
        });
        Assert.Equal(415, disguised.StatusCode);
        Assert.Equal("UnsupportedFileType", disguised.FieldError(nameof(CreateMenuItem.Photo))?.ErrorCode);

        var large = TestImages.Png(64, 64, seed: 6).Concat(new byte[5 * 1024 * 1024]).ToArray(); // a PNG by its bytes, 5 MB + more
        var tooLarge = await owner.ApiAsync(new CreateMenuItem
        {
            RestaurantId = restaurantId, Name = "Huge", Price = 1m, Photo = UploadedFile.FromBytes("huge.png", large),
        });
        Assert.Equal(413, tooLarge.StatusCode);
        Assert.Equal("FileTooLarge", tooLarge.FieldError(nameof(CreateMenuItem.Photo))?.ErrorCode);

        Assert.Empty(TestImages.FilesHolding(host.FilesPath, program));
        Assert.Empty((await owner.SendAsync(new QueryMyMenuItems { RestaurantId = restaurantId })).Results);
    }

    private static async Task<int> NewRestaurantAsync(JsonApiClient owner) =>
        int.Parse((await owner.SendAsync(new CreateRestaurant
        {
            Name = "Photo Kitchen " + Guid.NewGuid().ToString("N")[..8], Cuisine = "Thai", DeliveryFee = 1m, IsOpen = true,
        })).Id!, CultureInfo.InvariantCulture);

    /// <summary>Reads until <paramref name="done"/> holds (the image job runs in the background), failing after 30 seconds.</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail($"Waited 30 s for {what}; last read: {System.Text.Json.JsonSerializer.Serialize(value)}");
            await Task.Delay(50);
        }
    }
}

[Collection(SqliteApp.Name)]
public sealed class SqliteMenuImageTests(SqliteMyAppFixture host) : MenuImageTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public sealed class PostgreSqlMenuImageTests(PostgreSqlMyAppFixture host) : MenuImageTests<PostgreSqlMyAppFixture>(host);
