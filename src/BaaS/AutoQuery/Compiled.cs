using System.Linq.Expressions;
using System.Reflection;

namespace BaaS.AutoQuery;

/// <summary>Property accessors compiled once at startup.</summary>
internal static class Compiled
{
    /// <summary><c>obj =&gt; (object)((TDto)obj).Property</c></summary>
    public static Func<object, object?> Getter(PropertyInfo property)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var body = Expression.Convert(Expression.Property(Expression.Convert(target, property.DeclaringType!), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, target).Compile();
    }

    /// <summary>True for a non-nullable value type, whose default (0, false) cannot mean "not given".</summary>
    public static bool IsPlainValueType(Type type) => type.IsValueType && Nullable.GetUnderlyingType(type) is null;

    /// <summary>The default value of a type, boxed (null for reference types).</summary>
    public static object? DefaultOf(Type type) => IsPlainValueType(type) ? Activator.CreateInstance(type) : null;
}
