using System.Reflection;
using BaaS.AutoQuery;

namespace BaaS.ResponseCaching;

/// <summary>
/// One operation's <see cref="CacheResponseAttribute"/>, read once at startup: durations, what the key varies by, and the
/// tags whose version numbers are part of the key (its data models, the request DTO itself).
/// </summary>
internal sealed class ResponseCachePolicy
{
    private ResponseCachePolicy(Operation operation, CacheResponseAttribute attribute, IReadOnlyList<Type> models)
    {
        Operation = operation.Name;
        Duration = TimeSpan.FromSeconds(attribute.Duration);
        MaxAge = attribute.MaxAge < 0 ? attribute.Duration : attribute.MaxAge;
        VaryByUser = attribute.VaryByUser;
        VaryByRoles = attribute.VaryByRoles is { Length: > 0 } roles ? [.. roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] : null;
        VaryByQuery = attribute.VaryByQuery;
        Models = models;
        Tags = [.. models.Append(operation.RequestType).Select(TagOf).Distinct(StringComparer.Ordinal)];
        CacheControl = (IsPrivate ? "private" : "public") + ", max-age=" + MaxAge.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Operation { get; }

    public TimeSpan Duration { get; }

    public int MaxAge { get; }

    public bool VaryByUser { get; }

    public IReadOnlyList<string>? VaryByRoles { get; }

    public bool VaryByQuery { get; }

    /// <summary>The data models the answers are built from.</summary>
    public IReadOnlyList<Type> Models { get; }

    /// <summary>The invalidation tags whose versions are part of every key: each model's, and the request DTO's.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>True when the answer depends on the caller: cached for signed-in callers, private to the browser.</summary>
    public bool IsPrivate => VaryByUser || VaryByRoles is not null;

    /// <summary>The <c>Cache-Control</c> header of every answer.</summary>
    public string CacheControl { get; }

    /// <summary>The invalidation tag of a model or request type: its full name.</summary>
    public static string TagOf(Type type) => type.FullName ?? type.Name;

    /// <summary>The policy of <paramref name="operation"/>, or null when it has no <see cref="CacheResponseAttribute"/> or no GET.</summary>
    /// <exception cref="InvalidOperationException">The attribute's values are out of range.</exception>
    public static ResponseCachePolicy? Of(Operation operation)
    {
        if (operation.RequestType.GetCustomAttribute<CacheResponseAttribute>(true) is not { } attribute) return null;
        if (!operation.Invokers.Keys.Any(v => v is "GET" or "ANY")) return null;
        if (attribute.Duration < 1)
            throw new InvalidOperationException($"[CacheResponse] on {operation.Name}: Duration is {attribute.Duration}; give the seconds an answer stays cached (at least 1).");
        if (attribute.MaxAge > attribute.Duration)
            throw new InvalidOperationException($"[CacheResponse] on {operation.Name}: MaxAge ({attribute.MaxAge}) is longer than Duration ({attribute.Duration}); clients would keep answers the server has dropped.");
        return new ResponseCachePolicy(operation, attribute, ModelsOf(operation.RequestType, attribute));
    }

    /// <summary>An AutoQuery query's model and joined models, and the models the attribute names.</summary>
    private static List<Type> ModelsOf(Type requestType, CacheResponseAttribute attribute)
    {
        var models = new List<Type>();
        if (AutoQueryTypes.QueryTypesOf(requestType) is { } query) models.Add(query.Model);
        foreach (var iface in requestType.GetInterfaces().Where(i => i.IsGenericType))
        {
            var definition = iface.GetGenericTypeDefinition();
            if (definition == typeof(IJoin<,>) || definition == typeof(IJoin<,,>) || definition == typeof(IJoin<,,,>)
                || definition == typeof(ILeftJoin<,>) || definition == typeof(ILeftJoin<,,>))
                models.AddRange(iface.GetGenericArguments());
        }
        models.AddRange(attribute.Models ?? []);
        return [.. models.Distinct()];
    }
}
