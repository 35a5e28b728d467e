using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BaaS.Binding;

/// <summary>One settable property of a request DTO, with everything binding needs compiled once at startup.</summary>
internal sealed class DtoProperty
{
    private static readonly NullabilityInfoContext Nullability = new();

    public DtoProperty(int index, PropertyInfo property, JsonSerializerOptions json)
    {
        Index = index;
        Name = property.Name;
        Type = property.PropertyType;
        Set = CompileSetter(property);
        Get = property.GetMethod is { IsPublic: true } ? CompileGetter(property) : _ => null;
        Parser = ValueParser.For(Type, json);
        Json = json.GetTypeInfo(Type);
        IsRequired = property.IsDefined(typeof(RequiredMemberAttribute), true) ||
                     property.GetCustomAttribute<ApiMemberAttribute>(true)?.IsRequired == true;
        IgnoresNull = !Type.IsValueType && Nullability.Create(property).WriteState == NullabilityState.NotNull;
    }

    /// <summary>The position in the DTO's property list (the index into the sent-fields array).</summary>
    public int Index { get; }

    /// <summary>The property's name as declared.</summary>
    public string Name { get; }

    /// <summary>The property's type.</summary>
    public Type Type { get; }

    /// <summary>Assigns a value (already of the property's type) to a DTO instance.</summary>
    public Action<object, object?> Set { get; }

    /// <summary>Reads the property's value from a DTO instance.</summary>
    public Func<object, object?> Get { get; }

    /// <summary>True when a DTO's value counts as given: not null, and not the default of a non-nullable value type.</summary>
    public bool HasValue(object dto)
    {
        var value = Get(dto);
        return value is not null && !(Type.IsValueType && Nullable.GetUnderlyingType(Type) is null && value.Equals(Activator.CreateInstance(Type)));
    }

    /// <summary>Reads the property from route, query-string and form text.</summary>
    public ValueParser Parser { get; }

    /// <summary>Reads the property from a JSON body.</summary>
    public JsonTypeInfo Json { get; }

    /// <summary>A C# <c>required</c> property, or one with <c>[ApiMember(IsRequired = true)]</c>: a request must send it.</summary>
    public bool IsRequired { get; }

    /// <summary>A non-nullable reference: an explicit JSON null leaves its default in place instead of storing null.</summary>
    public bool IgnoresNull { get; }

    private static Func<object, object?> CompileGetter(PropertyInfo property)
    {
        // target => (object)((Dto)target).Prop
        var target = Expression.Parameter(typeof(object), "target");
        var body = Expression.Convert(Expression.Property(Expression.Convert(target, property.DeclaringType!), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, target).Compile();
    }

    private static Action<object, object?> CompileSetter(PropertyInfo property)
    {
        // (target, value) => ((Dto)target).Prop = (PropType)value
        var target = Expression.Parameter(typeof(object), "target");
        var value = Expression.Parameter(typeof(object), "value");
        var assign = Expression.Assign(
            Expression.Property(Expression.Convert(target, property.DeclaringType!), property),
            Expression.Convert(value, property.PropertyType));
        return Expression.Lambda<Action<object, object?>>(assign, target, value).Compile();
    }
}
