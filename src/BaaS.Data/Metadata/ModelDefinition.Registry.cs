namespace BaaS.Data;

public sealed partial class ModelDefinition
{
    /// <summary>
    /// The model and fields behind a constraint or index name (unique index, foreign key, primary key), among the
    /// models this process has used; null if none. Used to name fields in constraint errors.
    /// </summary>
    public static (ModelDefinition Model, IReadOnlyList<FieldDefinition> Fields)? FindConstraint(string constraintName)
    {
        foreach (var model in Cache.Values)
        {
            foreach (var index in model.Indexes)
                if (string.Equals(index.Name, constraintName, StringComparison.OrdinalIgnoreCase)) return (model, index.Fields);
            foreach (var f in model.Fields)
                if ((f.StringLength != null || f.DecimalPrecision != null) && string.Equals(DialectProvider.LengthCheckName(f), constraintName, StringComparison.OrdinalIgnoreCase))
                    return (model, [f]);
            foreach (var f in model.Fields)
                if (f.ForeignKey != null && string.Equals(f.ForeignKey.Name, constraintName, StringComparison.OrdinalIgnoreCase))
                    return (model, [f]);
            if (model.PrimaryKey != null && string.Equals("pk_" + model.TableName, constraintName, StringComparison.OrdinalIgnoreCase))
                return (model, [model.PrimaryKey]);
        }
        return null;
    }
}
