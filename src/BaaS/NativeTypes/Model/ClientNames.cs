namespace BaaS.NativeTypes.Model;

/// <summary>
/// The naming rule of generated code, the same in every language. A type is called by its .NET name without the
/// arity suffix (<c>QueryResponse`1</c> is <c>QueryResponse</c>; nested types are declared at the top level under
/// their own name). When several types share that name:
/// <list type="bullet">
/// <item>a request DTO keeps it (its name is its URL, <c>/api/{Name}</c>); otherwise a contract type (from
/// BaaS.Interfaces) keeps it; otherwise none does;</item>
/// <item>every other one is qualified with the end of its namespace and enclosing types, as few segments as make
/// the names distinct: <c>Shop.Item</c> and <c>Warehouse.Item</c> become <c>Shop_Item</c> and <c>Warehouse_Item</c>,
/// <c>Order.Line</c> and <c>Invoice.Line</c> become <c>Order_Line</c> and <c>Invoice_Line</c>;</item>
/// <item>generic types that differ only in arity add it: <c>QueryDb</c> and <c>QueryDb2</c>.</item>
/// </list>
/// Two request DTOs never share a name (startup refuses it). A name that still collides fails, naming both types.
/// </summary>
internal static class ClientNames
{
    public static void Assign(IReadOnlyList<ClientType> types)
    {
        foreach (var group in types.GroupBy(t => t.BaseName, StringComparer.Ordinal))
        {
            var members = group.ToList();
            if (members.Count == 1)
            {
                members[0].ClientName = members[0].BaseName;
                continue;
            }
            var keeper = members.FirstOrDefault(m => m.IsRequest)
                ?? members.Where(m => m.IsContract).OrderBy(m => m.GenericParams.Count).FirstOrDefault();
            if (keeper is not null) keeper.ClientName = keeper.BaseName;

            var others = members.Where(m => m != keeper).ToList();
            var samePath = others.Where(m => members.Any(o => o != m && o.Path.SequenceEqual(m.Path))).ToList();
            foreach (var m in samePath) m.ClientName = m.BaseName + (m.GenericParams.Count > 0 ? m.GenericParams.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
            Qualify(others.Except(samePath).ToList());
        }

        var clash = types.GroupBy(t => t.ClientName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new NativeTypesException(
                $"Two types would be called '{clash.Key}' in generated code: {string.Join(" and ", clash.Select(t => t.FullName))}. " +
                "Rename one of them (see docs/native-types.md, 'Names').");
    }

    /// <summary>Shop.Item, Warehouse.Item: the fewest trailing path segments that tell them apart.</summary>
    private static void Qualify(List<ClientType> members)
    {
        if (members.Count == 0) return;
        var longest = members.Max(m => m.Path.Count);
        for (var k = 1; k <= Math.Max(1, longest); k++)
        {
            var names = members.Select(m => string.Join("_", m.Path.Skip(Math.Max(0, m.Path.Count - k)).Append(m.BaseName))).ToList();
            if (names.Distinct(StringComparer.Ordinal).Count() == names.Count || k >= longest)
            {
                for (var i = 0; i < members.Count; i++) members[i].ClientName = names[i];
                return;
            }
        }
    }
}
