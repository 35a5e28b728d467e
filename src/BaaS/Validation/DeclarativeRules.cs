using BaaS.Reflection;

namespace BaaS.Validation;

/// <summary>The declarative rules of one request DTO type: each property's checks, compiled once at startup.</summary>
internal sealed class DeclarativeRules
{
    private readonly (string Property, Func<object, object?> Get, ValueRules.Check[] Checks)[] _properties;

    private DeclarativeRules((string, Func<object, object?>, ValueRules.Check[])[] properties) => _properties = properties;

    public bool IsEmpty => _properties.Length == 0;

    public static DeclarativeRules For(Type dtoType)
    {
        var list = new List<(string, Func<object, object?>, ValueRules.Check[])>();
        foreach (var property in TypeModel.Of(dtoType).Properties)
        {
            var attributes = property.GetAttributes<ValidateAttribute>().ToList();
            if (attributes.Count == 0 || !property.HasGetter) continue;
            var checks = attributes.Select(a => ValueRules.For(a, property.Name, property.Type, dtoType.Name)).ToArray();
            list.Add((property.Name, property.Getter, checks));
        }
        return new DeclarativeRules([.. list]);
    }

    public void Validate(object dto, List<ResponseError> errors)
    {
        foreach (var (property, get, checks) in _properties)
        {
            var value = get(dto);
            foreach (var check in checks)
            {
                // One failure per property: the first rule it breaks.
                if (check(value) is not { } failure) continue;
                errors.Add(new ResponseError(failure.Code, property, failure.Message));
                break;
            }
        }
    }
}
