using System.Linq.Expressions;
using System.Reflection;

namespace BaaS.Reflection;

/// <summary>
/// Compiles a property's get and set accessors into delegates over <see cref="object"/>, once, so code that reads or
/// writes properties of types it only knows at run time (binding, validation, AutoQuery, CSV, the ORM, the client's
/// query strings) calls a delegate instead of reflecting on every use. The one place such delegates are written: the
/// server, the ORM and the client all reach it, as every project references this one. Callers cache the result.
/// </summary>
public static class PropertyAccessor
{
    /// <summary>
    /// Compiles a reader of the property. For <c>Restaurant.Name</c> it is
    /// <c>target =&gt; (object)((Restaurant)target).Name</c>: virtual properties dispatch to the instance's override, and
    /// a non-public get accessor is called as well (check its visibility first when that matters).
    /// </summary>
    /// <param name="property">An instance property with a get accessor and no index parameters.</param>
    /// <exception cref="ArgumentException">The property has no get accessor, takes an index, is static or its type is open generic.</exception>
    public static Func<object, object?> CompileGetter(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var get = property.GetMethod ?? throw new ArgumentException($"{Describe(property)} has no get accessor to compile.", nameof(property));
        Check(property, get);
        var target = Expression.Parameter(typeof(object), "target");
        var body = Expression.Convert(Expression.Property(Instance(target, property), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, target).Compile();
    }

    /// <summary>
    /// Compiles a writer of the property. For <c>Restaurant.Name</c> it is
    /// <c>(target, value) =&gt; ((Restaurant)target).Name = (string)value</c>. Init-only properties are written as well
    /// (binding fills them after construction, as a deserialiser does); a struct is written in its box.
    /// </summary>
    /// <param name="property">An instance property with a set accessor and no index parameters.</param>
    /// <exception cref="ArgumentException">The property has no set accessor, takes an index, is static or its type is open generic.</exception>
    public static Action<object, object?> CompileSetter(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var set = property.SetMethod ?? throw new ArgumentException($"{Describe(property)} has no set accessor to compile.", nameof(property));
        Check(property, set);
        var target = Expression.Parameter(typeof(object), "target");
        var value = Expression.Parameter(typeof(object), "value");
        var assign = Expression.Assign(Expression.Property(Instance(target, property), property), Expression.Convert(value, property.PropertyType));
        return Expression.Lambda<Action<object, object?>>(assign, target, value).Compile();
    }

    // A struct is unboxed in place, so a write lands in the caller's box rather than in a copy.
    private static Expression Instance(ParameterExpression target, PropertyInfo property)
    {
        var owner = property.DeclaringType!;
        return owner.IsValueType ? Expression.Unbox(target, owner) : Expression.Convert(target, owner);
    }

    private static void Check(PropertyInfo property, MethodInfo accessor)
    {
        if (accessor.IsStatic) throw new ArgumentException($"{Describe(property)} is static: only instance properties are compiled.", nameof(property));
        if (property.GetIndexParameters().Length > 0) throw new ArgumentException($"{Describe(property)} is an indexer.", nameof(property));
        if (property.DeclaringType is null || property.DeclaringType.ContainsGenericParameters)
            throw new ArgumentException($"{Describe(property)} belongs to an open generic type: compile it on a closed type ({property.DeclaringType?.Name}<...>).", nameof(property));
    }

    private static string Describe(PropertyInfo property) => $"{property.DeclaringType?.Name}.{property.Name}";
}
