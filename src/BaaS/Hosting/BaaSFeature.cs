using BaaS.Hosting;
using Microsoft.AspNetCore.Routing;

namespace BaaS;

/// <summary>
/// A feature of the framework or of an app: the one seam through which anything plugs in. A feature contributes
/// operations (<see cref="ServiceTypes"/>, <see cref="CreateOperationSources"/>), adds filters to every operation's
/// pipeline (<see cref="CreateFilters"/>), maps its own endpoints (<see cref="MapEndpoints"/>), and describes itself to
/// clients in the metadata's <c>plugins</c> section under its <see cref="Id"/> (<see cref="Describe"/>). Register it with
/// <see cref="BaaSFeatureServiceCollectionExtensions.AddBaaSFeature"/>, usually from the feature's own
/// <c>AddX()</c>; nothing in the framework's core knows a feature by name.
/// </summary>
/// <remarks>
/// A feature is created when the app registers its services, before the service provider exists, so it is a plain
/// object; the hooks that need services get the app's <see cref="IServiceProvider"/>. Each hook runs once, at
/// startup.
/// </remarks>
public abstract class BaaSFeature
{
    /// <summary>The feature's name in the metadata's <c>plugins</c> section, e.g. <c>autoQuery</c>; unique in an app.</summary>
    public abstract string Id { get; }

    /// <summary>Hand-written service classes (deriving from <see cref="Service"/>) that the feature serves.</summary>
    public virtual IEnumerable<Type> ServiceTypes => [];

    /// <summary>Sources of generated operations (AutoQuery's is one); asked once when the catalog is built.</summary>
    public virtual IEnumerable<IOperationSource> CreateOperationSources(IServiceProvider services) => [];

    /// <summary>Filters the feature adds to the pipeline of the operations they apply to; asked once at startup.</summary>
    public virtual IEnumerable<IOperationFilter> CreateFilters(IServiceProvider services) => [];

    /// <summary>Maps the feature's own endpoints (a page, a document, a stream); called once by <c>UseBaaS()</c>.</summary>
    /// <param name="endpoints">The app's endpoints (a <c>WebApplication</c>, which is also its middleware pipeline).</param>
    /// <param name="host">The framework's state: the operation catalog, the metadata, the options.</param>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints, BaaSHost host) { }

    /// <summary>
    /// What clients may know of the feature, serialised as JSON into the metadata's <c>plugins</c> section under
    /// <see cref="Id"/> (null to say nothing). Called once when the metadata is built, after the catalog.
    /// </summary>
    public virtual object? Describe(IServiceProvider services, OperationCatalog catalog) => null;

    /// <summary>
    /// Types clients should know although no operation takes or returns them (the messages a feature pushes, say): listed
    /// in the metadata's types with everything they refer to, so <c>/types/*</c> generates them. Asked once when the
    /// metadata is built.
    /// </summary>
    public virtual IEnumerable<Type> ExportTypes(IServiceProvider services, OperationCatalog catalog) => [];

    /// <summary>
    /// Pages the feature adds to the Admin UI's navigation (see <see cref="AdminUiPage"/>), listed in its metadata when
    /// the Admin UI is on; asked once when the metadata is built.
    /// </summary>
    public virtual IEnumerable<AdminUiPage> AdminUiPages => [];
}
