using System.Text.Json;
using BaaS.Metadata;
using BaaS.Tests.Fixtures;
using BaaS.Tests.Hosting;

namespace BaaS.Tests.Metadata;

public class MetadataTests(StandardServerFixture fixture) : IClassFixture<StandardServerFixture>
{
    private TestServer Host => fixture.Server;

    private async Task<AppMetadata> FetchAsync()
    {
        using var client = Host.CreateClient();
        return await client.SendAsync<AppMetadata>("GET", "/metadata/app.json");
    }

    [Fact]
    public async Task Operations_list_verbs_routes_tags_and_response()
    {
        var metadata = await FetchAsync();
        Assert.Equal("TestApp", metadata.App.ServiceName);
        var getItem = metadata.Api.Operations.Single(o => o.Request.Name == nameof(GetItem));
        Assert.Equal(["GET"], getItem.Actions);
        Assert.Equal("GET", getItem.Method);
        Assert.Equal("/items/{Id}", getItem.Routes.Single().Path);
        Assert.Equal(["Items"], getItem.Tags);
        Assert.Equal(nameof(Item), getItem.Response!.Name);
        Assert.Equal("path", getItem.Request.Properties!.Single(p => p.Name == "Id").ParamType);
        Assert.Contains(getItem.Request.Implements!, i => i.Name == "IReturn`1" && i.GenericArgs!.SequenceEqual(["Item"]));

        var delete = metadata.Api.Operations.Single(o => o.Request.Name == nameof(DeleteItem));
        Assert.True(delete.ReturnsVoid);
        Assert.Null(delete.Response);

        var any = metadata.Api.Operations.Single(o => o.Request.Name == nameof(AnyVerb));
        Assert.Equal(["ANY"], any.Actions);
        Assert.Equal("POST", any.Method);
    }

    [Fact]
    public async Task Types_describe_properties_enums_generics_and_docs()
    {
        var metadata = await FetchAsync();
        var create = metadata.Api.Operations.Single(o => o.Request.Name == nameof(CreateItem)).Request;
        var name = create.Properties!.Single(p => p.Name == "Name");
        Assert.True(name.IsRequired);
        Assert.Equal("String", name.Type);
        Assert.Equal("The item's name.", name.Description);

        var echo = metadata.Api.Operations.Single(o => o.Request.Name == nameof(EchoTypes)).Request;
        var nullableInt = echo.Properties!.Single(p => p.Name == nameof(EchoTypes.NullableInt));
        Assert.Equal("Nullable`1", nullableInt.Type);
        Assert.Equal(["Int32"], nullableInt.GenericArgs);
        Assert.Equal("Dictionary`2", echo.Properties!.Single(p => p.Name == nameof(EchoTypes.Meta)).Type);
        Assert.Equal("Byte[]", echo.Properties!.Single(p => p.Name == nameof(EchoTypes.Data)).Type);
        Assert.Equal("Echoes back every type binding supports.", echo.Description);

        var category = metadata.Api.Types.Single(t => t.Name == nameof(Category));
        Assert.True(category.IsEnum);
        Assert.Equal(["Food", "Drink", "Other"], category.EnumNames);
        Assert.Equal(["0", "1", "2"], category.EnumValues);
        Assert.Equal("Things that are not food", category.EnumDescriptions![2]);

        var toppings = metadata.Api.Types.Single(t => t.Name == nameof(Toppings));
        Assert.True(toppings.IsEnumInt);

        Assert.Contains(metadata.Api.Types, t => t.Name == nameof(Address));
        Assert.Contains(metadata.Api.Types, t => t.Name == nameof(SearchItemsResponse));
        Assert.Contains(metadata.Api.Types, t => t.Name == nameof(ResponseStatus));
        Assert.DoesNotContain(metadata.Api.Types, t => t.Name == nameof(GetItem));
    }

    [Fact]
    public async Task Excluded_operations_are_served_but_not_listed()
    {
        var metadata = await FetchAsync();
        Assert.DoesNotContain(metadata.Api.Operations, o => o.Request.Name == nameof(HiddenOperation));
        using var response = await Host.Http.GetAsync("/api/HiddenOperation");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metadata_can_be_read_with_the_typed_client()
    {
        using var client = Host.CreateClient();
        var lines = new List<string>();
        #region snippet:metadata-read
        var metadata = await client.SendAsync<AppMetadata>("GET", "/metadata/app.json");
        foreach (var operation in metadata.Api.Operations)
            Console.WriteLine($"{operation.Method} /api/{operation.Request.Name}");
        #endregion
        lines.AddRange(metadata.Api.Operations.Select(o => $"{o.Method} /api/{o.Request.Name}"));
        Assert.Contains("GET /api/GetItem", lines);
        Assert.Contains("POST /api/CreateItem", lines);
    }

    [Fact]
    public async Task Document_is_camel_case_json()
    {
        var json = await Host.Http.GetStringAsync("/metadata/app.json");
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("api").GetProperty("operations").GetArrayLength() > 5);
        Assert.True(document.RootElement.GetProperty("app").TryGetProperty("serviceName", out _));
    }
}
