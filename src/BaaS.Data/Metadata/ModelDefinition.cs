using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace BaaS.Data;

/// <summary>
/// What BaaS.Data knows about a model type: its table, columns, primary key, indexes, foreign keys and
/// <c>[Reference]</c> properties. Built once per type on first use (see <see cref="For(Type)"/>), cached for the
/// life of the process and immutable afterwards, so AutoQuery and anything else can read it freely.
/// </summary>
public sealed partial class ModelDefinition
{
    private static readonly ConcurrentDictionary<Type, ModelDefinition> Cache = new();
    private static readonly ConcurrentDictionary<string, ModelDefinition> ByTable = new(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, FieldDefinition> _fieldsByName;

    private ModelDefinition(Type modelType, string tableName, string? schema, FieldDefinition[] fields,
        IReadOnlyList<ReferenceDefinition> references)
    {
        ModelType = modelType;
        TableName = tableName;
        Schema = schema;
        Fields = fields;
        References = references;
        PrimaryKey = fields.FirstOrDefault(f => f.IsPrimaryKey);
        RowVersion = fields.FirstOrDefault(f => f.IsRowVersion);
        var byName = new Dictionary<string, FieldDefinition>(StringComparer.OrdinalIgnoreCase);
        // Column names first, then property names, so that a property name always wins over another field's alias.
        foreach (var f in fields) byName[f.ColumnName] = f;
        foreach (var f in fields) byName[f.Name] = f;
        _fieldsByName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i].Model = this;
            fields[i].Ordinal = i;
        }
    }

    /// <summary>The model's C# type.</summary>
    public Type ModelType { get; }

    /// <summary>The C# type name, e.g. <c>Order</c>.</summary>
    public string Name => ModelType.Name;

    /// <summary>The table name in the database (snake_case of the type name, or the <c>[Alias]</c>).</summary>
    public string TableName { get; }

    /// <summary>The PostgreSQL schema from <c>[Schema]</c>, or null for the default schema.</summary>
    public string? Schema { get; }

    /// <summary>The columns, in property declaration order.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>The primary key field, or null when the model has none (then it can be read but not updated by key).</summary>
    public FieldDefinition? PrimaryKey { get; }

    /// <summary>The <c>[RowVersion]</c> field, or null.</summary>
    public FieldDefinition? RowVersion { get; }

    /// <summary>The indexes to create with the table, excluding the primary key.</summary>
    public IReadOnlyList<IndexDefinition> Indexes { get; private set; } = [];

    /// <summary>The foreign keys, one per field that has <c>[References]</c> or <c>[ForeignKey]</c>.</summary>
    public IReadOnlyList<FieldDefinition> ForeignKeyFields => Fields.Where(f => f.ForeignKey != null).ToArray();

    /// <summary>The <c>[Reference]</c> properties (related rows, not columns).</summary>
    public IReadOnlyList<ReferenceDefinition> References { get; }

    /// <summary>The definition of <typeparamref name="T"/>.</summary>
    public static ModelDefinition For<T>() => Holder<T>.Definition ??= For(typeof(T));

    /// <summary>The definition of <paramref name="type"/>, built on first use and cached.</summary>
    /// <exception cref="NotSupportedException">A property has a type that cannot be stored, or an attribute is misused.</exception>
    public static ModelDefinition For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (Cache.TryGetValue(type, out var existing)) return existing;
        var built = Build(type);
        var winner = Cache.GetOrAdd(type, built);
        ByTable.TryAdd(winner.TableName, winner);
        return winner;
    }

    /// <summary>The model whose table has this name, among the models this process has used; null if none.</summary>
    public static ModelDefinition? FindByTableName(string tableName) =>
        ByTable.TryGetValue(tableName, out var m) ? m : null;

    /// <summary>The field with this C# property name or column name (case-insensitive), or null.</summary>
    public FieldDefinition? FindField(string name) => _fieldsByName.GetValueOrDefault(name);

    /// <summary>The field with this C# property name or column name (case-insensitive).</summary>
    /// <exception cref="UnknownFieldException">No such field; the message suggests the closest name.</exception>
    public FieldDefinition GetField(string name) =>
        FindField(name) ?? throw new UnknownFieldException(Name, name, NameSuggestions.Closest(name, Fields.Select(f => f.Name)));

    /// <summary>The primary key field.</summary>
    /// <exception cref="InvalidOperationException">The model has no primary key.</exception>
    public FieldDefinition GetPrimaryKey() => PrimaryKey ?? throw new InvalidOperationException(
        $"Model {Name} has no primary key: add an 'Id' property or mark one with [PrimaryKey], [AutoIncrement] or [AutoId].");

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({TableName})";

    // A static generic holder makes For<T>() a field read on the hot path, no dictionary lookup. Filled on first use
    // rather than in a type initializer, so a model error surfaces as itself, not as a TypeInitializationException.
    private static class Holder<T>
    {
        public static ModelDefinition? Definition;
    }
}
