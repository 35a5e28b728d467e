using System.Text.Json.Nodes;

namespace BaaS.NativeTypes.Tests;

/// <summary>/openapi.json: valid under an independent validator, and it says what the metadata says.</summary>
public class OpenApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private async Task<JsonNode> DocumentAsync() => JsonNode.Parse(await fixture.Server.Http.GetTextAsync("/openapi.json"))!;

    [Fact]
    public async Task Document_is_valid_OpenAPI_3_1_under_swagger_parser()
    {
        Repo.RequireNodeModules();
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await fixture.Server.Http.GetTextAsync("/openapi.json"));
        try
        {
            var result = await Repo.RunAsync("node", ["validate-openapi.js", file], Repo.TestsFolder);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.StartsWith("valid 3.1.0", result.Output.Trim(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_validator_rejects_a_broken_document()
    {
        // Proves the check above can fail: a $ref to a schema that does not exist.
        Repo.RequireNodeModules();
        var document = await DocumentAsync();
        document["paths"]!["/api/GetStock"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"] = "#/components/schemas/Nothing";
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document.ToJsonString());
        try
        {
            var result = await Repo.RunAsync("node", ["validate-openapi.js", file], Repo.TestsFolder);
            Assert.NotEqual(0, result.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Query_operations_take_AutoQuery_paging_and_their_filters_as_query_parameters()
    {
        var document = await DocumentAsync();
        foreach (var path in new[] { "/api/QueryRestaurants", "/restaurants" })
        {
            var get = document["paths"]![path]!["get"]!;
            var names = get["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
            foreach (var expected in new[] { "skip", "take", "orderBy", "orderByDesc", "include", "fields", "cuisineContains", "ratingGreaterThan" })
                Assert.Contains(expected, names);
            Assert.True(get["parameters"]!.AsArray().All(p => p!["in"]!.GetValue<string>() == "query"));
            Assert.Equal("#/components/schemas/QueryResponse_Restaurant",
                get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
            Assert.Equal(["Restaurants"], get["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        }
        var results = document["components"]!["schemas"]!["QueryResponse_Restaurant"]!["properties"]!["results"]!;
        Assert.Equal("#/components/schemas/Restaurant", results["items"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task Operations_state_their_auth_roles_and_bodies()
    {
        var document = await DocumentAsync();
        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("bearer", schemes["bearerAuth"]!["scheme"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", schemes["apiKey"]!["name"]!.GetValue<string>());

        var delete = document["paths"]!["/restaurants/{Id}"]!["delete"]!;
        Assert.Equal("Owner", delete["security"]![0]!["bearerAuth"]![0]!.GetValue<string>());
        Assert.Equal("Owner", delete["security"]![1]!["apiKey"]![0]!.GetValue<string>());
        Assert.NotNull(delete["responses"]!["204"]);
        Assert.NotNull(delete["responses"]!["403"]);
        Assert.Equal("path", delete["parameters"]![0]!["in"]!.GetValue<string>());

        var create = document["paths"]!["/api/CreateRestaurant"]!["post"]!;
        Assert.Empty(create["security"]![0]!["bearerAuth"]!.AsArray());
        Assert.NotNull(create["responses"]!["401"]);
        Assert.Equal("#/components/schemas/CreateRestaurant", create["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Null(create["parameters"]);

        var query = document["paths"]!["/api/QueryRestaurants"]!["get"]!;
        Assert.Null(query["security"]);
        var tags = document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["Auth", "Clashes", "Restaurants", "Shapes"], tags);
    }

    [Fact]
    public async Task Schemas_carry_enums_generics_inheritance_and_clashing_names()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;
        Assert.Equal(["Draft", "in-progress", "Done"], schemas["Status"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal([1L, 5L, 9L], schemas["Priority"]!["enum"]!.AsArray().Select(v => v!.GetValue<long>()));
        Assert.Equal("integer", schemas["Toppings"]!["type"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Page_Point", schemas["PointsPage"]!["allOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.NotNull(schemas["Shop_Item"]);
        Assert.NotNull(schemas["Warehouse_Item"]);
        var shapes = schemas["AllShapes"]!["allOf"]![1]!["properties"]!;
        Assert.Equal("date", shapes["dateOnly"]!["format"]!.GetValue<string>());
        Assert.Equal("duration", shapes["timeSpan"]!["format"]!.GetValue<string>());
        Assert.Equal("uuid", shapes["guid"]!["format"]!.GetValue<string>());
        Assert.Equal(["integer", "null"], shapes["nullableInt"]!["type"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("A whole number.", shapes["int"]!["description"]!.GetValue<string>());
    }
}
