using System.Reflection;

namespace BaaS.Hosting;

/// <summary>
/// The assemblies an app declares its API in: the service assemblies given to <c>AddBaaS</c> (and those of
/// <see cref="BaaSOptions.ServiceTypes"/> and of the features' services), plus the assemblies they reference that use BaaS.Interfaces (the app's DTO
/// project). Features that look for DTOs or validators scan these.
/// </summary>
internal static class AppAssemblies
{
    public static List<Assembly> Of(BaaSOptions options, IEnumerable<BaaSFeature> features)
    {
        var contract = typeof(IReturn).Assembly.GetName().Name;
        var roots = options.ServiceAssemblies.Concat(ServiceTypesOf(options, features).Select(t => t.Assembly)).Distinct().ToList();
        var result = new List<Assembly>(roots);
        foreach (var root in roots)
        {
            foreach (var name in root.GetReferencedAssemblies())
            {
                if (name.Name == contract) continue;
                Assembly referenced;
                try { referenced = Assembly.Load(name); }
                catch (FileNotFoundException) { continue; }
                if (!result.Contains(referenced) && referenced.GetReferencedAssemblies().Any(r => r.Name == contract)) result.Add(referenced);
            }
        }
        return result;
    }

    /// <summary>The service classes picked one by one: the options' and those the features serve.</summary>
    public static List<Type> ServiceTypesOf(BaaSOptions options, IEnumerable<BaaSFeature> features) =>
        [.. options.ServiceTypes.Concat(features.SelectMany(f => f.ServiceTypes)).Distinct()];

    /// <summary>The loadable types of an assembly.</summary>
    public static IEnumerable<Type> TypesOf(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); }
    }
}
