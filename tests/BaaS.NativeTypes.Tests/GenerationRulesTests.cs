using NativeFixtures.Collide;
using NativeFixtures.Unsupported;

namespace BaaS.NativeTypes.Tests;

/// <summary>What cannot be generated fails with a message naming the type; names follow one documented rule.</summary>
public class GenerationRulesTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("/types/typescript")]
    [InlineData("/types/csharp")]
    [InlineData("/types/python")]
    [InlineData("/openapi.json")]
    public async Task A_type_with_no_client_form_answers_500_naming_the_type_and_property(string path)
    {
        await using var server = await NativeTypesTestServer.StartAsync([typeof(UnsupportedServices)]);
        using var response = await server.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("\"errorCode\":\"NativeTypesError\"", body);
        Assert.Contains("property Address of NativeFixtures.Unsupported.AddressInfo", body);
        Assert.Contains("System.Net.IPAddress", body);
    }

    [Fact]
    public async Task A_property_overriding_an_inherited_one_is_left_to_the_base_type_in_every_language()
    {
        // QueryDishesByPrice overrides QueryBase.OrderBy to give a default: declaring it again would not compile
        // (CS0114 in C#, TS2612 in TypeScript), and the base type already has it.
        await using var server = await NativeTypesTestServer.StartAsync([typeof(NativeFixtures.Overrides.OverrideServices)]);
        foreach (var (path, start, orderBy, baseInFile) in new[]
        {
            ("/types/typescript", "export class QueryDishesByPrice", "orderBy", true),
            ("/types/csharp", "public partial class QueryDishesByPrice", "OrderBy", false), // QueryBase comes from BaaS.Interfaces
            ("/types/python", "class QueryDishesByPrice", "order_by", true),
        })
        {
            var text = await server.Http.GetTextAsync(path);
            var at = text.IndexOf(start, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{path} has no QueryDishesByPrice:\n{text}");
            var end = text.IndexOf("\n\n", at, StringComparison.Ordinal);
            var declaration = text[at..(end < 0 ? text.Length : end)];
            Assert.Contains("riceLessThan", declaration.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(orderBy, declaration, StringComparison.Ordinal);
            if (baseInFile) Assert.Contains(orderBy, text, StringComparison.Ordinal); // declared once, on the base type
        }
    }

    [Fact]
    public async Task Names_that_still_collide_after_qualifying_fail_naming_both_types()
    {
        await using var server = await NativeTypesTestServer.StartAsync([typeof(CollisionServices)]);
        using var response = await server.Http.GetAsync("/types/typescript");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("'Shop_Item'", body);
        Assert.Contains("NativeFixtures.Collide.Shop_Item", body);
        Assert.Contains("NativeFixtures.Shop.Item", body);
    }

    [Fact]
    public async Task Types_sharing_a_short_name_are_qualified_by_namespace_in_every_language()
    {
        var ts = await fixture.Server.Http.GetTextAsync("/types/typescript");
        var cs = await fixture.Server.Http.GetTextAsync("/types/csharp");
        var py = await fixture.Server.Http.GetTextAsync("/types/python");
        Assert.Contains("export class Shop_Item", ts);
        Assert.Contains("export class Warehouse_Item", ts);
        Assert.Contains("public items?: Warehouse_Item[];", ts);
        Assert.Contains("public featured?: Shop_Item;", ts);
        Assert.Contains("export class GetShopItem implements IReturn<Shop_Item>", ts);
        Assert.Contains("public partial class Warehouse_Item", cs);
        Assert.Contains("public List<Warehouse_Item>? Items { get; set; }", cs);
        Assert.Contains("class Shop_Item:", py);
        Assert.DoesNotContain("class Item", ts + cs + py);
    }

    [Fact]
    public async Task Contract_types_are_referenced_from_BaaS_in_CSharp_and_declared_in_TypeScript_and_Python()
    {
        var cs = await fixture.Server.Http.GetTextAsync("/types/csharp");
        Assert.DoesNotContain("class QueryResponse", cs);
        Assert.DoesNotContain("class ResponseStatus", cs);
        Assert.Contains("public partial class QueryRestaurants : QueryDb<Restaurant>, IGet, IQueryDb<Restaurant>, IReturn<QueryResponse<Restaurant>>", cs);
        Assert.Contains("public partial class Restaurant : AuditBase", cs);
        var ts = await fixture.Server.Http.GetTextAsync("/types/typescript");
        Assert.Contains("export class QueryResponse<T>", ts);
        Assert.Contains("export abstract class QueryDb<T> extends QueryBase", ts);
        var py = await fixture.Server.Http.GetTextAsync("/types/python");
        Assert.Contains("class QueryResponse(typing.Generic[T]):", py);
        Assert.Contains("from baas_client import IReturn, IReturnVoid, IGet, IPost, IPut, IPatch, IDelete, ResponseStatus, ResponseError", py);
        Assert.DoesNotContain("class ResponseStatus", py);
    }

    [Fact]
    public async Task Enums_keep_explicit_values_wire_names_and_flags()
    {
        var ts = await fixture.Server.Http.GetTextAsync("/types/typescript");
        Assert.Contains("InProgress = 'in-progress'", ts);
        Assert.Contains("High = 9", ts);
        var cs = await fixture.Server.Http.GetTextAsync("/types/csharp");
        Assert.Contains("[EnumMember(Value = \"in-progress\")] InProgress = 5,", cs);
        Assert.Contains("[Flags]\npublic enum Toppings", cs);
        Assert.Contains("[EnumAsInt]\npublic enum Priority", cs);
        var py = await fixture.Server.Http.GetTextAsync("/types/python");
        Assert.Contains("class Toppings(enum.IntFlag):", py);
        Assert.Contains("class Priority(enum.IntEnum):", py);
        Assert.Contains("    None_ = 0", py);
        Assert.Contains("    InProgress = 'in-progress'", py);
    }

    [Fact]
    public async Task Doc_comments_and_Description_attributes_are_carried_over()
    {
        var ts = await fixture.Server.Http.GetTextAsync("/types/typescript");
        Assert.Contains("/** @description A whole number. */\n    public int: number;", ts);
        Assert.Contains("/** @description Money: exact. */", ts);
        var cs = await fixture.Server.Http.GetTextAsync("/types/csharp");
        Assert.Contains("/// <summary>A type declared inside another.</summary>\npublic partial class Inner", cs);
        Assert.Contains("    /// <summary>Finished</summary>\n    Done = 10,", cs);
        var py = await fixture.Server.Http.GetTextAsync("/types/python");
        Assert.Contains("    \"\"\"Every property shape the generators must write.\"\"\"", py);
        Assert.Contains("    # Money: exact.\n    decimal_: decimal.Decimal = decimal.Decimal(0)", py);
    }
}
