using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BaaS;
using MyApp.ServiceModel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

/// <summary>
/// Files in the Admin UI: an owner creates a dish with a photo from the form (a file input offering the location's
/// types, its limits shown, a preview, sent as multipart), the grid shows the photo's thumbnail linked to the photo, and
/// the edit form shows the current one. A file over the limit or of another type is refused in the browser, under the
/// field, before anything is sent; an executable named .png is refused by the server, its error under the field too.
/// </summary>
public abstract class AdminUiFileTests<THost>(THost host) where THost : MyAppFixture
{
    private const string MyMenu = "/admin-ui/data/MenuItem?op=QueryMyMenuItems";

    [Fact]
    public async Task An_owner_uploads_a_dish_photo_from_the_form_and_the_grid_shows_its_thumbnail()
    {
        var (restaurantId, restaurantName) = await NewRestaurantAsync();
        using var owner = host.As(host.Owner);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        var sent = RecordCreates(browser.Page);
        await browser.SignInAsync(host.Owner, $"{MyMenu}&restaurantId={restaurantId}");
        await Expect(browser.ByTestId("grid-empty")).ToBeVisibleAsync();

        await browser.ByTestId("new-row").ClickAsync();
        await FillDishAsync(browser, restaurantId, restaurantName, "Green curry");
        var photoInput = Field(browser, "Photo");
        await Expect(photoInput).ToHaveAttributeAsync("accept", "image/png,image/jpeg,image/webp");
        await Expect(browser.ByTestId("file-limits-Photo")).ToHaveTextAsync("PNG, JPEG or WebP, up to 5 MB");
        var photo = TestImages.Png(400, 300, seed: 21);
        await photoInput.SetInputFilesAsync(new FilePayload { Name = "green-curry.png", MimeType = "image/png", Buffer = photo });
        await Expect(browser.ByTestId("file-preview-Photo")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("file-preview-Photo")).ToHaveJSPropertyAsync("naturalWidth", 400); // the chosen image, drawn
        await browser.ScreenshotAsync("file-form-preview");
        await browser.ByTestId("form-submit").ClickAsync();
        await Expect(browser.ByTestId("model-form")).ToHaveCountAsync(0);

        Assert.StartsWith("multipart/form-data", Assert.Single(sent));
        var created = Assert.Single((await owner.SendAsync(new QueryMyMenuItems { RestaurantId = restaurantId })).Results);
        using var http = host.CreateHttp();
        Assert.Equal(photo, await http.GetByteArrayAsync(created.PhotoUrl));

        // The grid's cell shows an image linked to the photo; once the job made it, the image is the thumbnail.
        var cell = Row(browser, created.Id).GetByTestId("cell-PhotoUrl");
        await Expect(cell.GetByTestId("cell-image-link")).ToHaveAttributeAsync("href", host.BaseUrl + created.PhotoUrl);
        await ExpectImageAsync(http, await cell.GetByTestId("cell-image").GetAttributeAsync("src"));
        var done = await ThumbnailAsync(created.Id);
        await browser.Page.ReloadAsync();
        await Expect(cell.GetByTestId("cell-image")).ToHaveAttributeAsync("src", host.BaseUrl + done.PhotoThumbUrl);
        Assert.Equal("image/webp", await ExpectImageAsync(http, host.BaseUrl + done.PhotoThumbUrl));
        await Expect(cell.GetByTestId("cell-image")).ToHaveJSPropertyAsync("naturalWidth", 200); // the browser drew it
        await Expect(browser.ByTestId("col-PhotoThumbUrl")).ToHaveCountAsync(0); // the variants' own columns start hidden
        await browser.ScreenshotAsync("file-grid-thumbnail");

        // The edit form shows the current photo by its thumbnail.
        await Row(browser, created.Id).GetByTestId("edit-row").ClickAsync();
        var current = browser.ByTestId("file-current-Photo");
        await Expect(current.GetByRole(AriaRole.Img)).ToHaveAttributeAsync("src", host.BaseUrl + done.PhotoThumbUrl);
        await Expect(current.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", host.BaseUrl + done.PhotoUrl);
    }

    [Fact]
    public async Task A_photo_too_large_or_not_an_image_is_refused_under_the_field_in_the_browser_and_an_executable_by_the_server()
    {
        var (restaurantId, restaurantName) = await NewRestaurantAsync();
        using var owner = host.As(host.Owner);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        browser.AllowConsoleError("415"); // the executable's refused create
        var sent = RecordCreates(browser.Page);
        await browser.SignInAsync(host.Owner, $"{MyMenu}&restaurantId={restaurantId}");
        await browser.ByTestId("new-row").ClickAsync();
        await FillDishAsync(browser, restaurantId, restaurantName, "Refused dish");
        var photoInput = Field(browser, "Photo");
        var error = browser.ByTestId("field-error-Photo");

        // Too large: said as soon as it is chosen, in the server's words, and the form sends nothing.
        var large = TestImages.Png(32, 32, seed: 22).Concat(new byte[5 * 1024 * 1024]).ToArray();
        await photoInput.SetInputFilesAsync(new FilePayload { Name = "huge.png", MimeType = "image/png", Buffer = large });
        var tooLarge = await owner.ApiAsync(new CreateMenuItem { RestaurantId = restaurantId, Name = "x", Price = 1m, Photo = UploadedFile.FromBytes("huge.png", large) });
        Assert.Equal(413, tooLarge.StatusCode);
        await Expect(error).ToHaveTextAsync(tooLarge.FieldErrorMessage("Photo")!);
        await browser.ByTestId("form-submit").ClickAsync();
        await Expect(error).ToBeVisibleAsync();
        await Expect(photoInput).ToBeFocusedAsync();

        // Not an image, as the browser names it.
        await photoInput.SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "not a photo"u8.ToArray() });
        await Expect(error).ToHaveTextAsync("'Photo' must be image/png, image/jpeg, image/webp: notes.txt is text/plain.");
        await browser.ByTestId("form-submit").ClickAsync();
        Assert.Empty(sent);

        // An executable called dish.png passes the browser's check; the server reads its bytes and refuses it.
        var program = TestImages.Executable();
        await photoInput.SetInputFilesAsync(new FilePayload { Name = "dish.png", MimeType = "image/png", Buffer = program });
        await Expect(error).ToHaveCountAsync(0);
        await browser.ByTestId("form-submit").ClickAsync();
        var byServer = await owner.ApiAsync(new CreateMenuItem { RestaurantId = restaurantId, Name = "x", Price = 1m, Photo = UploadedFile.FromBytes("dish.png", program) });
        Assert.Equal(415, byServer.StatusCode);
        await Expect(error).ToHaveTextAsync(byServer.FieldErrorMessage("Photo")!);
        await Expect(browser.ByTestId("error-summary")).ToHaveCountAsync(0); // its one error is under its field
        await Expect(Field(browser, "Name")).ToHaveValueAsync("Refused dish");
        Assert.Single(sent);
        await browser.ScreenshotAsync("file-form-refused");

        Assert.Empty((await owner.SendAsync(new QueryMyMenuItems { RestaurantId = restaurantId })).Results);
        Assert.Empty(TestImages.FilesHolding(host.FilesPath, program));
    }

    private async Task<(int Id, string Name)> NewRestaurantAsync()
    {
        using var owner = host.As(host.Owner);
        var name = "Photo Bistro " + Guid.NewGuid().ToString("N")[..8];
        var id = int.Parse((await owner.SendAsync(new CreateRestaurant { Name = name, Cuisine = "Thai", IsOpen = true, DeliveryFee = 2m })).Id!, CultureInfo.InvariantCulture);
        return (id, name);
    }

    /// <summary>Picks the restaurant by typing part of its name, and types the dish's name and price.</summary>
    private static async Task FillDishAsync(BrowserSession browser, int restaurantId, string restaurantName, string dish)
    {
        await Expect(browser.ByTestId("model-form")).ToBeVisibleAsync();
        var lookup = Field(browser, "Restaurant");
        await lookup.FillAsync(restaurantName[^8..]);
        var option = browser.ByTestId("lookup-option").Filter(new() { HasText = restaurantName });
        await Expect(option).ToHaveTextAsync($"{restaurantId} · {restaurantName}");
        await option.ClickAsync();
        await Field(browser, "Name").FillAsync(dish);
        await Field(browser, "Price").FillAsync("12.5");
    }

    /// <summary>The Content-Type of every CreateMenuItem the page sends.</summary>
    private static List<string> RecordCreates(IPage page)
    {
        var sent = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("/api/CreateMenuItem", StringComparison.Ordinal))
                sent.Add(request.Headers.TryGetValue("content-type", out var type) ? type : "");
        };
        return sent;
    }

    /// <summary>GETs an image URL: 200 with an image type, which it answers.</summary>
    private static async Task<string> ExpectImageAsync(HttpClient http, string? src)
    {
        Assert.NotNull(src);
        using var response = await http.GetAsync(src);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        Assert.StartsWith("image/", type);
        return type;
    }

    /// <summary>The dish once the background job wrote its thumbnail's URL (30 seconds at most).</summary>
    private async Task<MenuItem> ThumbnailAsync(int id)
    {
        using var owner = host.As(host.Owner);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var dish = (await owner.SendAsync(new QueryMyMenuItems { Id = id })).Results.Single();
            if (dish.PhotoThumbUrl is not null) return dish;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The photo's thumbnail was not made in 30 seconds.");
            await Task.Delay(50);
        }
    }

    /// <summary>An input of the open dialog by its label (a required field's label ends with " *").</summary>
    private static ILocator Field(BrowserSession browser, string label) =>
        browser.Page.GetByRole(AriaRole.Dialog).GetByLabel(new Regex($"^{Regex.Escape(label)}( \\*)?$"));

    private static ILocator Row(BrowserSession browser, int id) =>
        browser.Page.Locator($"[data-testid=grid-row][data-id='{id}']");
}

[Collection(SqliteApp.Name)]
public sealed class SqliteAdminUiFileTests(SqliteMyAppFixture host) : AdminUiFileTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public sealed class PostgreSqlAdminUiFileTests(PostgreSqlMyAppFixture host) : AdminUiFileTests<PostgreSqlMyAppFixture>(host);
