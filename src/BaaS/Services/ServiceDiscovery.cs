using System.Reflection;

namespace BaaS.Services;

/// <summary>
/// Finds hand-written services in the assemblies given to <c>AddBaaS</c>: every concrete class deriving from
/// <see cref="Service"/>, and on it every public method named <c>Get</c>, <c>Post</c>, <c>Put</c>, <c>Patch</c>,
/// <c>Delete</c> or <c>Any</c> that takes one request DTO (and optionally a <see cref="CancellationToken"/>).
/// </summary>
internal sealed class ServiceDiscovery(IReadOnlyList<Assembly> assemblies, IReadOnlyList<Type> serviceTypes) : IOperationSource
{
    private static readonly Dictionary<string, string> VerbOfMethod = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Get"] = HttpVerbs.Get,
        ["Post"] = HttpVerbs.Post,
        ["Put"] = HttpVerbs.Put,
        ["Patch"] = HttpVerbs.Patch,
        ["Delete"] = HttpVerbs.Delete,
        ["Any"] = "ANY",
    };

    public IEnumerable<OperationRegistration> GetOperations(IServiceProvider services, IReadOnlyDictionary<Type, IReadOnlySet<string>> handled)
    {
        var candidates = assemblies.Distinct().SelectMany(SafeTypes).Where(IsService).Concat(serviceTypes.Where(IsService)).Distinct();
        foreach (var serviceType in candidates.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            foreach (var method in serviceType.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.DeclaringType == typeof(Service) || method.DeclaringType == typeof(object)) continue;
                if (!VerbOfMethod.TryGetValue(method.Name, out var verb)) continue;
                var requestType = RequestTypeOf(method);
                if (requestType is null) continue;
                if (method.IsGenericMethodDefinition)
                    throw new InvalidOperationException($"{serviceType.Name}.{method.Name}({requestType.Name}) is generic: service methods must be concrete.");
                yield return new OperationRegistration(
                    requestType,
                    verb,
                    ServiceMethodCompiler.Compile(serviceType, method),
                    ServiceMethodCompiler.ResponseTypeOf(method.ReturnType),
                    $"{serviceType.FullName}.{method.Name}({requestType.Name})",
                    serviceType);
            }
        }
    }

    /// <summary>A concrete class deriving from <see cref="Service"/>.</summary>
    public static bool IsService(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(Service).IsAssignableFrom(type);

    private static Type? RequestTypeOf(MethodInfo method)
    {
        var parameters = method.GetParameters();
        if (parameters.Length is < 1 or > 2) return null;
        if (parameters.Length == 2 && parameters[1].ParameterType != typeof(CancellationToken)) return null;
        var type = parameters[0].ParameterType;
        return type.IsClass && type != typeof(string) && !type.IsAbstract ? type : null;
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); }
    }
}
