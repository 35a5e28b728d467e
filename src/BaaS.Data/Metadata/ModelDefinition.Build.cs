using System.Collections;
using System.Reflection;
using BaaS.DataAnnotations;
using BaaS.Reflection;

namespace BaaS.Data;

public sealed partial class ModelDefinition
{
    private static readonly HashSet<string> ReferentialActions =
        new(StringComparer.OrdinalIgnoreCase) { "CASCADE", "SET NULL", "RESTRICT", "NO ACTION", "SET DEFAULT" };

    private static ModelDefinition Build(Type type)
    {
        var tableName = type.GetCustomAttribute<AliasAttribute>()?.Name ?? Naming.ToSnakeCase(Naming.TypeName(type));
        var schema = type.GetCustomAttribute<SchemaAttribute>()?.Name;
        var nullability = new NullabilityInfoContext();
        var fields = new List<FieldDefinition>();
        var references = new List<ReferenceDefinition>();

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod == null) continue;
            if (property.IsDefined(typeof(IgnoreAttribute))) continue;
            if (property.IsDefined(typeof(ReferenceAttribute)))
            {
                references.Add(BuildReference(type, property));
                continue;
            }
            fields.Add(BuildField(type, property, nullability));
        }

        MarkPrimaryKey(type, fields);
        var model = new ModelDefinition(type, tableName, schema, fields.ToArray(), references);
        model.Indexes = BuildIndexes(model);
        return model;
    }

    private static FieldDefinition BuildField(Type type, PropertyInfo property, NullabilityInfoContext nullability)
    {
        var where = $"{type.Name}.{property.Name}";
        var propertyType = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(propertyType);
        var valueType = underlying ?? propertyType;
        var kind = KindOf(valueType, property, where);

        bool isNullable;
        if (propertyType.IsValueType) isNullable = underlying != null;
        else
        {
            // Reference types follow the nullable annotation; code compiled without annotations (oblivious) allows NULL.
            var state = nullability.Create(property).ReadState;
            isNullable = state != NullabilityState.NotNull;
        }
        if (property.IsDefined(typeof(RequiredAttribute))) isNullable = false;

        var column = property.GetCustomAttribute<AliasAttribute>()?.Name ?? Naming.ToSnakeCase(property.Name);
        var field = new FieldDefinition(property, column, kind, valueType, isNullable, PropertyAccessor.CompileGetter(property),
            property.SetMethod is { IsPublic: true } ? PropertyAccessor.CompileSetter(property) : null);

        var autoIncrement = property.IsDefined(typeof(AutoIncrementAttribute));
        var autoId = property.IsDefined(typeof(AutoIdAttribute));
        if (autoIncrement && kind is not (DataKind.Int32 or DataKind.Int64 or DataKind.Int16))
            throw new NotSupportedException($"{where}: [AutoIncrement] needs an int, long or short property, not {propertyType.Name}.");
        if (autoId && kind != DataKind.Guid)
            throw new NotSupportedException($"{where}: [AutoId] needs a Guid property, not {propertyType.Name}.");
        field.IsAutoIncrement = autoIncrement;
        field.IsAutoId = autoId;
        field.IsPrimaryKey = autoIncrement || autoId || property.IsDefined(typeof(PrimaryKeyAttribute));

        if (property.IsDefined(typeof(RowVersionAttribute)))
        {
            if (kind is not (DataKind.Int32 or DataKind.Int64) || underlying != null)
                throw new NotSupportedException($"{where}: [RowVersion] needs an int or long property, not {propertyType.Name}.");
            field.IsRowVersion = true;
        }

        if (property.GetCustomAttribute<StringLengthAttribute>() is { } length)
        {
            if (length.MaximumLength <= 0) throw new NotSupportedException($"{where}: [StringLength] must be positive.");
            field.StringLength = length.MaximumLength;
        }

        if (property.GetCustomAttribute<DecimalLengthAttribute>() is { } dec)
        {
            if (kind != DataKind.Decimal)
                throw new NotSupportedException($"{where}: [DecimalLength] applies to decimal properties, not {propertyType.Name}.");
            if (dec.Precision is < 1 or > 28)
                throw new NotSupportedException($"{where}: [DecimalLength({dec.Precision}, {dec.Scale})] needs a precision from 1 to 28 (a .NET decimal holds 28 digits).");
            if (dec.Scale < 0 || dec.Scale > dec.Precision)
                throw new NotSupportedException($"{where}: [DecimalLength({dec.Precision}, {dec.Scale})] needs a scale from 0 to the precision ({dec.Precision}).");
            field.DecimalPrecision = dec.Precision;
            field.DecimalScale = dec.Scale;
        }

        if (property.GetCustomAttribute<DefaultAttribute>() is { } def)
        {
            if (def.Value != null && def.Sql != null)
                throw new NotSupportedException($"{where}: [Default] takes a value or Sql, not both.");
            field.DefaultValue = def.Value;
            field.DefaultSql = def.Sql;
        }

        if (property.GetCustomAttribute<IndexAttribute>() is { } index)
        {
            field.IsIndexed = true;
            field.IsUnique = index.Unique;
        }

        var fk = property.GetCustomAttribute<ForeignKeyAttribute>();
        var references = property.GetCustomAttribute<ReferencesAttribute>();
        if (fk != null || references != null)
        {
            var target = fk?.Type ?? references!.Type;
            field.ForeignKey = new ForeignKeyDefinition(
                fk?.Name ?? Naming.ConstraintName("fk", TableNameOf(type), [column]),
                target, NormaliseAction(fk?.OnDelete, where), NormaliseAction(fk?.OnUpdate, where));
        }
        return field;
    }

    private static string TableNameOf(Type type) =>
        type.GetCustomAttribute<AliasAttribute>()?.Name ?? Naming.ToSnakeCase(Naming.TypeName(type));

    private static string? NormaliseAction(string? action, string where)
    {
        if (action == null) return null;
        var trimmed = action.Trim();
        if (!ReferentialActions.Contains(trimmed))
            throw new NotSupportedException(
                $"{where}: '{action}' is not a foreign key action; use CASCADE, SET NULL, RESTRICT, NO ACTION or SET DEFAULT.");
        return trimmed.ToUpperInvariant();
    }

    private static void MarkPrimaryKey(Type type, List<FieldDefinition> fields)
    {
        var keys = fields.Where(f => f.IsPrimaryKey).ToList();
        if (keys.Count > 1)
            throw new NotSupportedException(
                $"Model {type.Name} marks {string.Join(", ", keys.Select(k => k.Name))} as key: only one primary key field is supported.");
        if (keys.Count == 0 && fields.FirstOrDefault(f => f.Name == "Id") is { } id) id.IsPrimaryKey = true;
        foreach (var key in fields.Where(f => f.IsPrimaryKey))
        {
            if (key.IsNullable && key.Property.PropertyType.IsValueType)
                throw new NotSupportedException($"{type.Name}.{key.Name}: a primary key cannot be nullable.");
            key.IsUnique = true;
        }
    }

    private static DataKind KindOf(Type t, PropertyInfo property, string where)
    {
        if (t.IsEnum)
        {
            var asInt = property.IsDefined(typeof(EnumAsIntAttribute)) || t.IsDefined(typeof(EnumAsIntAttribute));
            return asInt ? DataKind.EnumInt : DataKind.EnumString;
        }
        if (t == typeof(bool)) return DataKind.Boolean;
        if (t == typeof(byte)) return DataKind.Byte;
        if (t == typeof(short)) return DataKind.Int16;
        if (t == typeof(int)) return DataKind.Int32;
        if (t == typeof(long)) return DataKind.Int64;
        if (t == typeof(float)) return DataKind.Single;
        if (t == typeof(double)) return DataKind.Double;
        if (t == typeof(decimal)) return DataKind.Decimal;
        if (t == typeof(string)) return DataKind.String;
        if (t == typeof(Guid)) return DataKind.Guid;
        if (t == typeof(DateTime)) return DataKind.DateTime;
        if (t == typeof(DateTimeOffset)) return DataKind.DateTimeOffset;
        if (t == typeof(DateOnly)) return DataKind.DateOnly;
        if (t == typeof(TimeOnly)) return DataKind.TimeOnly;
        if (t == typeof(TimeSpan)) return DataKind.TimeSpan;
        if (t == typeof(byte[])) return DataKind.Bytes;
        if (IsUnsupported(t))
            throw new NotSupportedException(
                $"{where}: type {t.Name} cannot be stored. Use int, long, short, byte, bool, string, decimal, double, float, " +
                "DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, Guid, an enum, byte[], or a class/collection (stored as JSON), " +
                "or mark the property [Ignore].");
        return DataKind.Json;
    }

    private static bool IsUnsupported(Type t) =>
        t.IsPrimitive // the primitives not matched above: char, sbyte, ushort, uint, ulong, nint, nuint
        || t == typeof(object) || t == typeof(Type) || t.IsPointer || t.IsByRef
        || typeof(Delegate).IsAssignableFrom(t) || typeof(Stream).IsAssignableFrom(t)
        || (t.IsInterface && !typeof(IEnumerable).IsAssignableFrom(t));

    private static ReferenceDefinition BuildReference(Type type, PropertyInfo property)
    {
        var t = property.PropertyType;
        Type? element = null;
        if (t.IsGenericType && t.GetGenericArguments().Length == 1)
        {
            var candidate = t.GetGenericArguments()[0];
            if (t.IsAssignableFrom(typeof(List<>).MakeGenericType(candidate))) element = candidate;
        }
        if (property.SetMethod is not { IsPublic: true })
            throw new NotSupportedException($"{type.Name}.{property.Name}: a [Reference] property needs a public setter.");
        if (element == null && (!t.IsClass || t == typeof(string) || typeof(IEnumerable).IsAssignableFrom(t)))
            throw new NotSupportedException(
                $"{type.Name}.{property.Name}: a [Reference] property must be a model class or a List<T> of one, not {t.Name}.");
        return new ReferenceDefinition(property, element ?? t, element != null, PropertyAccessor.CompileSetter(property));
    }

    private static List<IndexDefinition> BuildIndexes(ModelDefinition model)
    {
        var indexes = new List<IndexDefinition>();
        foreach (var f in model.Fields.Where(f => f.IsIndexed && !f.IsPrimaryKey))
        {
            var attr = f.Property.GetCustomAttribute<IndexAttribute>()!;
            indexes.Add(new IndexDefinition(
                attr.Name ?? Naming.ConstraintName(attr.Unique ? "ux" : "ix", model.TableName, [f.ColumnName]), [f], attr.Unique));
        }
        foreach (var attr in model.ModelType.GetCustomAttributes<CompositeIndexAttribute>())
        {
            if (attr.FieldNames.Length == 0)
                throw new NotSupportedException($"Model {model.Name}: [CompositeIndex] needs at least one field name.");
            var fields = attr.FieldNames.Select(model.GetField).ToArray();
            indexes.Add(new IndexDefinition(
                attr.Name ?? Naming.ConstraintName(attr.Unique ? "ux" : "ix", model.TableName, fields.Select(f => f.ColumnName)),
                fields, attr.Unique));
        }
        return indexes;
    }
}
