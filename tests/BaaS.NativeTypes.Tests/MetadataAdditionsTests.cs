using BaaS.Metadata;

namespace BaaS.NativeTypes.Tests;

/// <summary>What the metadata model gained for the generators: declaring types, enum identifiers, flags, structured generic arguments.</summary>
public class MetadataAdditionsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private async Task<AppMetadata> MetadataAsync()
    {
        using var client = fixture.Server.CreateClient();
        return await client.SendAsync<AppMetadata>("GET", "/types/metadata");
    }

    [Fact]
    public async Task Types_metadata_is_the_same_document_as_metadata_app_json()
    {
        Assert.Equal(await fixture.Server.Http.GetTextAsync("/metadata/app.json"), await fixture.Server.Http.GetTextAsync("/types/metadata"));
    }

    [Fact]
    public async Task Nested_types_name_their_declaring_type()
    {
        var inner = (await MetadataAsync()).Api.Types.Single(t => t.Name == "Inner");
        Assert.True(inner.IsNested);
        Assert.Equal("Outer", inner.DeclaringType!.Name);
        Assert.Equal("NativeFixtures.Shapes", inner.DeclaringType.Namespace);
        Assert.Null((await MetadataAsync()).Api.Types.Single(t => t.Name == "Point").DeclaringType);
    }

    [Fact]
    public async Task Enums_list_their_dotnet_identifiers_when_wire_names_differ_and_say_when_they_are_flags()
    {
        var types = (await MetadataAsync()).Api.Types;
        var status = types.Single(t => t.Name == "Status");
        Assert.Equal(["Draft", "in-progress", "Done"], status.EnumNames);
        Assert.Equal(["Draft", "InProgress", "Done"], status.EnumMemberNames);
        Assert.Equal(["0", "5", "10"], status.EnumValues);
        Assert.Null(status.IsFlags);
        var toppings = types.Single(t => t.Name == "Toppings");
        Assert.True(toppings.IsFlags);
        Assert.Null(toppings.EnumMemberNames);
        Assert.Null(types.Single(t => t.Name == "Priority").IsFlags);
    }

    [Fact]
    public async Task Generic_arguments_come_with_their_namespaces()
    {
        var metadata = await MetadataAsync();
        var items = metadata.Api.Types.Single(t => t.Name == "StockReport").Properties!.Single(p => p.Name == "Items");
        Assert.Equal(["Item"], items.GenericArgs);
        Assert.Equal("NativeFixtures.Warehouse", items.GenericArgRefs!.Single().Namespace);

        var pages = metadata.Api.Types.Single(t => t.Name == "AllShapes").Properties!.Single(p => p.Name == "Pages");
        var page = pages.GenericArgRefs!.Single();
        Assert.Equal("Page`1", page.Name);
        Assert.Equal("String", page.GenericArgRefs!.Single().Name);

        var array = metadata.Api.Types.Single(t => t.Name == "AllShapes").Properties!.Single(p => p.Name == "PointArray");
        Assert.Equal("Point", array.GenericArgRefs!.Single().Name);

        var query = metadata.Api.Operations.Single(o => o.Request.Name == "QueryRestaurants");
        Assert.Equal("NativeFixtures.Restaurants", query.Response!.GenericArgRefs!.Single().Namespace);
        Assert.Equal("NativeFixtures.Restaurants", query.Request.Inherits!.GenericArgRefs!.Single().Namespace);
    }
}
