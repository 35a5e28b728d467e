using System.Text.Json;
using BaaS.Data;
using BaaS.DataAnnotations;
using BaaS.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Ui.Tests.Docs;

#region snippet:admin-ui-hints
[Icon("box"), Lookup(nameof(Name))]
public class Product
{
    [AutoIncrement] public int Id { get; set; }
    public string Name { get; set; } = "";
    [Format(ColumnFormat.Currency, Currency = "EUR")] public decimal Price { get; set; }
    [Format(ColumnFormat.Image, Label = "Photo")] public string? PhotoUrl { get; set; }
    [Format(ColumnFormat.Hidden)] public string? Notes { get; set; }
}

[Tag("Catalog", Icon = "tag", Description = "What the shop sells")]
public class QueryProducts : QueryDb<Product>
{
    public string? NameContains { get; set; }
}

[Tag("Catalog")]
public class CreateProduct : ICreateDb<Product>, IReturn<IdResponse>
{
    [ValidateNotEmpty, Input(Label = "Product name", Placeholder = "Espresso cup")]
    public string Name { get; set; } = "";

    [ValidateGreaterThan(0), Input(Step = "0.01", Help = "In euros, VAT included")]
    public decimal Price { get; set; }

    [Input(Type = "url")]
    public string? PhotoUrl { get; set; }

    [Input(Type = "textarea", Rows = 4)]
    public string? Notes { get; set; }
}
#endregion

#region snippet:admin-ui-feature-page
/// <summary>A feature with a page of its own, listed in the Admin UI's navigation for managers.</summary>
public sealed class ReportsFeature : BaaSFeature
{
    public override string Id => "reports";

    public override IEnumerable<AdminUiPage> AdminUiPages =>
        [new("reports", "Sales reports") { Icon = "chart", Group = "Shop", Url = "/reports/", Roles = ["Manager"] }];

    public override void MapEndpoints(IEndpointRouteBuilder endpoints, BaaSHost host) =>
        endpoints.MapGet("/reports/", () => Results.Content("<h1>Sales</h1>", "text/html"));
}
#endregion

/// <summary>The examples of docs/admin-ui.md, served: their hints reach the metadata the Admin UI is drawn from.</summary>
public sealed class AdminUiDocExampleTests
{
    private static async Task<TestServer> StartAsync() =>
        await TestServer.StartAsync(o =>
        {
            o.Dialect = TestDatabaseKind.SqliteMemory;
            o.PrepareDatabase = async factory =>
            {
                await using var db = await factory.OpenAsync();
                await db.CreateTableAsync<Product>();
            };
            o.ConfigureServices += services =>
            {
                services.AddAutoQuery(q => q.Types.AddRange([typeof(QueryProducts), typeof(CreateProduct)]));
                #region snippet:admin-ui-options
                services.AddAdminUi(options =>
                {
                    options.Roles = ["Admin", "Manager"];          // who may sign in to /admin-ui
                    options.ShowDatabase = false;                    // no table browser
                    options.Pages.Add(new AdminUiPage("status", "Status") { Url = "/health", Icon = "chart" });
                });
                services.AddBaaSFeature(new ReportsFeature());
                #endregion
            };
        });

    [Fact]
    public async Task The_hints_of_the_example_are_in_the_metadata()
    {
        await using var server = await StartAsync();
        using var json = JsonDocument.Parse(await server.Http.GetStringAsync("/metadata/app.json"));
        var api = json.RootElement.GetProperty("api");
        var product = api.GetProperty("types").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Product");
        Assert.Equal("box", Arg(product, "Icon", "Name"));
        Assert.Equal("Name", Arg(product, "Lookup", "Display"));
        var price = Property(product, "Price");
        Assert.Equal("Currency", Arg(price, "Format", "Format"));
        Assert.Equal("EUR", Arg(price, "Format", "Currency"));
        Assert.Equal("Hidden", Arg(Property(product, "Notes"), "Format", "Format"));

        var create = api.GetProperty("operations").EnumerateArray().Single(o => o.GetProperty("request").GetProperty("name").GetString() == "CreateProduct")
            .GetProperty("request");
        Assert.Equal("Product name", Arg(Property(create, "Name"), "Input", "Label"));
        Assert.Equal("0.01", Arg(Property(create, "Price"), "Input", "Step"));
        Assert.Equal("textarea", Arg(Property(create, "Notes"), "Input", "Type"));
        Assert.Equal("4", Arg(Property(create, "Notes"), "Input", "Rows"));

        var catalog = api.GetProperty("tags").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Catalog");
        Assert.Equal("tag", catalog.GetProperty("icon").GetString());
        Assert.Equal("What the shop sells", catalog.GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_options_and_the_features_page_reach_the_admin_ui()
    {
        await using var server = await StartAsync();
        using var json = JsonDocument.Parse(await server.Http.GetStringAsync("/metadata/app.json"));
        var ui = json.RootElement.GetProperty("plugins").GetProperty("adminUi");
        Assert.Equal(["Admin", "Manager"], ui.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        var pages = ui.GetProperty("pages").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        Assert.False(pages.ContainsKey("database"));
        Assert.Equal("/health", pages["status"].GetProperty("url").GetString());
        Assert.Equal("Shop", pages["reports"].GetProperty("group").GetString());
        Assert.Equal("<h1>Sales</h1>", await server.Http.GetStringAsync(pages["reports"].GetProperty("url").GetString()));
    }

    private static JsonElement Property(JsonElement type, string name) =>
        type.GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    private static string? Arg(JsonElement target, string attribute, string arg) =>
        target.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == attribute)
            .GetProperty("args").EnumerateArray().Single(a => a.GetProperty("name").GetString() == arg).GetProperty("value").GetString();
}
