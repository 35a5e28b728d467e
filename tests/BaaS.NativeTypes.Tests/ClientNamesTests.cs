using BaaS.Metadata;
using BaaS.NativeTypes.Model;

namespace BaaS.NativeTypes.Tests;

/// <summary>The naming rule on its own, over hand-made metadata.</summary>
public class ClientNamesTests
{
    private static ClientType Type(string ns, string name, string? declaring = null, bool contract = false, MetadataOperationType? operation = null, int arity = 0)
    {
        var meta = new MetadataType
        {
            Name = arity > 0 ? $"{name}`{arity}" : name,
            Namespace = ns,
            DeclaringType = declaring is null ? null : new MetadataTypeName { Name = declaring, Namespace = ns },
            IsGenericTypeDef = arity > 0 ? true : null,
            GenericArgs = arity > 0 ? [.. Enumerable.Range(1, arity).Select(i => "T" + i)] : null,
        };
        return new ClientType(meta, operation, contract);
    }

    [Fact]
    public void Unique_names_stay_as_declared_without_arity()
    {
        var types = new List<ClientType> { Type("A", "Order"), Type("BaaS", "QueryResponse", contract: true, arity: 1) };
        ClientNames.Assign(types);
        Assert.Equal(["Order", "QueryResponse"], types.Select(t => t.ClientName));
    }

    [Fact]
    public void Clashing_app_types_are_qualified_with_as_few_namespace_segments_as_tell_them_apart()
    {
        var types = new List<ClientType> { Type("App.Sales.Shop", "Item"), Type("App.Stock.Shop", "Item"), Type("App.Stock", "Line", "Order"), Type("App.Stock", "Line", "Invoice") };
        ClientNames.Assign(types);
        Assert.Equal(["Sales_Shop_Item", "Stock_Shop_Item", "Order_Line", "Invoice_Line"], types.Select(t => t.ClientName));
    }

    [Fact]
    public void A_request_keeps_its_name_and_the_other_type_is_qualified()
    {
        var request = Type("App.Api", "Status", operation: new MetadataOperationType());
        var types = new List<ClientType> { Type("App.Model", "Status"), request };
        ClientNames.Assign(types);
        Assert.Equal(["Model_Status", "Status"], types.Select(t => t.ClientName));
    }

    [Fact]
    public void A_contract_type_keeps_its_name_and_arity_variants_are_numbered()
    {
        var types = new List<ClientType>
        {
            Type("App", "QueryDb", arity: 1), Type("BaaS", "QueryDb", contract: true, arity: 1), Type("BaaS", "QueryDb", contract: true, arity: 2),
        };
        ClientNames.Assign(types);
        Assert.Equal(["App_QueryDb", "QueryDb", "QueryDb2"], types.Select(t => t.ClientName));
    }
}
