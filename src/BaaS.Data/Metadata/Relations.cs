namespace BaaS.Data;

/// <summary>How two models relate: which field of one holds the other's key.</summary>
internal static class Relations
{
    /// <summary>
    /// The field of <paramref name="from"/> that holds a key of <paramref name="to"/>: one with
    /// <c>[References]</c>/<c>[ForeignKey]</c> to it, else one named <c>{To}Id</c>; null if none.
    /// </summary>
    public static FieldDefinition? Link(ModelDefinition from, ModelDefinition to)
    {
        if (to.PrimaryKey == null) return null;
        return from.Fields.FirstOrDefault(f => f.ForeignKey?.ReferencedType == to.ModelType)
               ?? from.Fields.FirstOrDefault(f => !f.IsPrimaryKey && string.Equals(f.Name, to.Name + "Id", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Key values compare equal across int/long/short columns and boxed types: numbers widen to long.</summary>
    public static object Normalize(object key) => key switch
    {
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        _ => key,
    };
}
