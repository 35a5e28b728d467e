using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace BaaS.Reflection;

/// <summary>
/// One public instance property of a type (see <see cref="TypeModel"/>): its names, type, nullability and attributes
/// read once, and compiled accessors. The accessors are compiled on first use and kept, so walking a type for its
/// names alone (the metadata of a response type) compiles nothing; consumers take them while they build their plans
/// at startup, and the request path only calls the delegates.
/// </summary>
internal sealed class PropertyModel
{
    private readonly Attribute[] _attributes;
    private readonly PropertyInfo? _readFrom;
    private readonly PropertyInfo? _writeTo;
    private Func<object, object?>? _getter;
    private Action<object, object?>? _setter;

    internal PropertyModel(PropertyInfo property, NullabilityInfoContext nullability)
    {
        Info = property;
        Name = property.Name;
        WireName = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
        Type = property.PropertyType;
        UnderlyingType = Nullable.GetUnderlyingType(Type) ?? Type;
        DeclaringType = property.DeclaringType!;
        var accessor = property.GetMethod ?? property.SetMethod!;
        IsOverride = accessor.GetBaseDefinition().DeclaringType != accessor.DeclaringType;
        _readFrom = Source(property, IsOverride, static p => p.GetMethod);
        _writeTo = Source(property, IsOverride, static p => p.SetMethod);
        CanRead = _readFrom?.GetMethod?.IsPublic == true;
        CanWrite = _writeTo?.SetMethod?.IsPublic == true;

        // Attribute.GetCustomAttributes honours [AttributeUsage(Inherited)] on overrides; PropertyInfo's own method does not.
        _attributes = Attribute.GetCustomAttributes(property, inherit: true);

        var states = nullability.Create(property);
        ReadState = states.ReadState;
        WriteState = states.WriteState;
        // T[] or a generic collection of one reference type (List<T>, IReadOnlyList<T>, HashSet<T>...): its items' annotation.
        var item = states.ElementType ?? (states.GenericTypeArguments is [var only] && Type != typeof(string) ? only : null);
        ItemsNotNull = item is { Type.IsValueType: false, WriteState: NullabilityState.NotNull } &&
            typeof(System.Collections.IEnumerable).IsAssignableFrom(Type);
        IsPlainValueType = Type.IsValueType && UnderlyingType == Type;
        IsNullable = Type.IsValueType ? !IsPlainValueType : ReadState != NullabilityState.NotNull;
        DefaultValue = IsPlainValueType && !Type.ContainsGenericParameters && !Type.IsByRefLike ? Activator.CreateInstance(Type) : null;
        IsRequired = HasAttribute<RequiredMemberAttribute>() || GetAttribute<ApiMemberAttribute>()?.IsRequired == true;
    }

    /// <summary>The property as reflection returns it (the most derived declaration).</summary>
    public PropertyInfo Info { get; }

    /// <summary>The name as declared (<c>CuisineContains</c>).</summary>
    public string Name { get; }

    /// <summary>The name in JSON: the declared name in camelCase (<c>cuisineContains</c>), as the wire format writes it.</summary>
    public string WireName { get; }

    /// <summary>The property's type (<c>int?</c>).</summary>
    public Type Type { get; }

    /// <summary>The type without <see cref="Nullable{T}"/> (<c>int</c> for <c>int?</c>; the type itself otherwise).</summary>
    public Type UnderlyingType { get; }

    /// <summary>The type that declares the property (a base type for an inherited one).</summary>
    public Type DeclaringType { get; }

    /// <summary>True when the property overrides a base type's virtual property (a DTO's own default <c>OrderBy</c>).</summary>
    public bool IsOverride { get; }

    /// <summary>True for a non-nullable value type, whose default (0, false) cannot mean "not given".</summary>
    public bool IsPlainValueType { get; }

    /// <summary>
    /// True when null is a possible value: a <see cref="Nullable{T}"/>, or a reference type not annotated as
    /// non-nullable (code compiled without nullable annotations counts as nullable).
    /// </summary>
    public bool IsNullable { get; }

    /// <summary>
    /// A list, array or set of a reference type whose items are declared non-nullable (<c>List&lt;OrderLine&gt;</c>, not
    /// <c>List&lt;OrderLine?&gt;</c>): a null item is not a valid value.
    /// </summary>
    public bool ItemsNotNull { get; }

    /// <summary>The nullable annotation of what the getter returns (<see cref="NullabilityState.NotNull"/> for <c>string</c>).</summary>
    public NullabilityState ReadState { get; }

    /// <summary>The nullable annotation of what the setter accepts.</summary>
    public NullabilityState WriteState { get; }

    /// <summary>The default of a non-nullable value type, boxed once (0, false); null for every other type.</summary>
    public object? DefaultValue { get; }

    /// <summary>A C# <c>required</c> property, or one with <c>[ApiMember(IsRequired = true)]</c>.</summary>
    public bool IsRequired { get; }

    /// <summary>True when the property has a public get accessor (its own, or the overridden base property's).</summary>
    public bool CanRead { get; }

    /// <summary>True when the property has a public set accessor, init-only included (its own, or the overridden base property's).</summary>
    public bool CanWrite { get; }

    /// <summary>True when the property has a get accessor of any visibility.</summary>
    public bool HasGetter => _readFrom is not null;

    /// <summary>True when the property has a set accessor of any visibility.</summary>
    public bool HasSetter => _writeTo is not null;

    /// <summary>The property's attributes, inherited ones included (as <c>[AttributeUsage(Inherited)]</c> allows).</summary>
    public IReadOnlyList<Attribute> Attributes => _attributes;

    /// <summary>Reads the property from an instance: <c>target =&gt; (object)((T)target).Property</c>.</summary>
    /// <exception cref="InvalidOperationException">The property has no get accessor, or belongs to an open generic type.</exception>
    public Func<object, object?> Getter => _getter ??= PropertyAccessor.CompileGetter(Accessible(_readFrom, "get"));

    /// <summary>Writes a value already of the property's type: <c>(target, value) =&gt; ((T)target).Property = (TProp)value</c>.</summary>
    /// <exception cref="InvalidOperationException">The property has no set accessor, or belongs to an open generic type.</exception>
    public Action<object, object?> Setter => _setter ??= PropertyAccessor.CompileSetter(Accessible(_writeTo, "set"));

    /// <summary>The first attribute of a type (or derived from it), or null.</summary>
    /// <typeparam name="T">The attribute type.</typeparam>
    public T? GetAttribute<T>() where T : Attribute
    {
        foreach (var attribute in _attributes)
            if (attribute is T match) return match;
        return null;
    }

    /// <summary>Every attribute of a type (or derived from it), in declaration order.</summary>
    /// <typeparam name="T">The attribute type.</typeparam>
    public IEnumerable<T> GetAttributes<T>() where T : Attribute => _attributes.OfType<T>();

    /// <summary>True when the property carries an attribute of a type (or derived from it).</summary>
    /// <typeparam name="T">The attribute type.</typeparam>
    public bool HasAttribute<T>() where T : Attribute => GetAttribute<T>() is not null;

    /// <inheritdoc />
    public override string ToString() => $"{DeclaringType.Name}.{Name}";

    private PropertyInfo Accessible(PropertyInfo? source, string accessor)
    {
        if (source is null) throw new InvalidOperationException($"{this} has no {accessor} accessor.");
        if (source.DeclaringType!.ContainsGenericParameters)
            throw new InvalidOperationException($"{this} belongs to an open generic type: ask the model of a closed type for its accessors.");
        return source;
    }

    // The declaration whose accessor reads or writes the property. An override may replace one accessor only
    // (`public override string? OrderBy { get => ...; }`): the other one is still the base property's.
    private static PropertyInfo? Source(PropertyInfo property, bool isOverride, Func<PropertyInfo, MethodInfo?> accessor)
    {
        if (accessor(property) is not null) return property;
        if (!isOverride) return null;
        for (var type = property.DeclaringType!.BaseType; type is not null; type = type.BaseType)
        {
            foreach (var declared in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (declared.Name == property.Name && declared.PropertyType == property.PropertyType &&
                    declared.GetIndexParameters().Length == 0 && accessor(declared) is { IsVirtual: true })
                    return declared;
            }
        }
        return null;
    }
}
