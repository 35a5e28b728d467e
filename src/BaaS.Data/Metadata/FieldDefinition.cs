using System.Reflection;

namespace BaaS.Data;

/// <summary>
/// One column of a model: its C# property, its column name, how its value is stored, and its constraints.
/// Built once per model type by <see cref="ModelDefinition.For(Type)"/> and immutable afterwards.
/// </summary>
public sealed class FieldDefinition
{
    internal FieldDefinition(PropertyInfo property, string columnName, DataKind kind, Type valueType, bool isNullable,
        Func<object, object?> getter, Action<object, object?>? setter)
    {
        Property = property;
        ColumnName = columnName;
        Kind = kind;
        ValueType = valueType;
        IsNullable = isNullable;
        GetValue = getter;
        SetValue = setter ?? ((_, _) => throw new InvalidOperationException(
            $"{property.DeclaringType?.Name}.{property.Name} has no setter, so it cannot be read from the database."));
        CanWrite = setter != null;
    }

    /// <summary>The model this field belongs to.</summary>
    public ModelDefinition Model { get; internal set; } = null!;

    /// <summary>The C# property name, e.g. <c>CustomerId</c>.</summary>
    public string Name => Property.Name;

    /// <summary>The column name in the database, e.g. <c>customer_id</c> (or the <c>[Alias]</c>).</summary>
    public string ColumnName { get; }

    /// <summary>The property.</summary>
    public PropertyInfo Property { get; }

    /// <summary>The property's declared type, e.g. <c>int?</c>.</summary>
    public Type PropertyType => Property.PropertyType;

    /// <summary>The property's type without <see cref="Nullable{T}"/>, e.g. <c>int</c>.</summary>
    public Type ValueType { get; }

    /// <summary>How the value is stored.</summary>
    public DataKind Kind { get; }

    /// <summary>Whether the column accepts NULL (see docs/data.md, "Null or not null").</summary>
    public bool IsNullable { get; }

    /// <summary>Whether this field is (part of) the primary key.</summary>
    public bool IsPrimaryKey { get; internal set; }

    /// <summary>Whether the database assigns this key on insert.</summary>
    public bool IsAutoIncrement { get; internal set; }

    /// <summary>Whether this Guid key is generated on insert when empty.</summary>
    public bool IsAutoId { get; internal set; }

    /// <summary>Whether this is the optimistic-concurrency version counter.</summary>
    public bool IsRowVersion { get; internal set; }

    /// <summary>Whether a single-column index is created on this field.</summary>
    public bool IsIndexed { get; internal set; }

    /// <summary>Whether the values of this field must be unique (a unique single-column index, or the key).</summary>
    public bool IsUnique { get; internal set; }

    /// <summary>The maximum length from <c>[StringLength]</c>, or null.</summary>
    public int? StringLength { get; internal set; }

    /// <summary>The precision from <c>[DecimalLength]</c> (total digits), or null for a decimal stored as it is.</summary>
    public int? DecimalPrecision { get; internal set; }

    /// <summary>The scale from <c>[DecimalLength]</c> (digits after the point), or null.</summary>
    public int? DecimalScale { get; internal set; }

    /// <summary>The constant default from <c>[Default(value)]</c>, or null.</summary>
    public object? DefaultValue { get; internal set; }

    /// <summary>The SQL default from <c>[Default(Sql = ...)]</c>, or null.</summary>
    public string? DefaultSql { get; internal set; }

    /// <summary>Whether the field has a default of either kind.</summary>
    public bool HasDefault => DefaultValue != null || DefaultSql != null;

    /// <summary>The foreign key this field carries, or null.</summary>
    public ForeignKeyDefinition? ForeignKey { get; internal set; }

    /// <summary>Whether the property has a setter (fields without one are written but never read back).</summary>
    public bool CanWrite { get; }

    /// <summary>A compiled getter: the property's value, boxed.</summary>
    public Func<object, object?> GetValue { get; }

    /// <summary>A compiled setter; the value must already be of the property's type.</summary>
    public Action<object, object?> SetValue { get; }

    /// <summary>The position of this field in <see cref="ModelDefinition.Fields"/>.</summary>
    public int Ordinal { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Property.DeclaringType?.Name}.{Name} ({ColumnName} {Kind})";
}
