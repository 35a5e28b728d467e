using System.Reflection;

namespace BaaS;

/// <summary>
/// The framework's options, set once in <c>AddBaaS</c>; they are read at startup and cannot change afterwards.
/// </summary>
public sealed class BaaSOptions
{
    /// <summary>The app's name, shown in the metadata and the UIs. Default: "BaaS".</summary>
    public string ServiceName { get; set; } = "BaaS";

    /// <summary>Assemblies scanned for services (classes deriving from <see cref="Service"/>).</summary>
    public List<Assembly> ServiceAssemblies { get; } = [];

    /// <summary>
    /// Service classes to serve beside those found in <see cref="ServiceAssemblies"/>: for apps (and tests) that pick
    /// services one by one.
    /// </summary>
    public List<Type> ServiceTypes { get; } = [];

    /// <summary>The prefix of the predefined routes: <c>/api/{Name}</c>. Default: <c>/api</c>.</summary>
    public string ApiBasePath { get; set; } = "/api";

    /// <summary>Also serve every request DTO at <c>/json/reply/{Name}</c>, as older ServiceStack clients call it. Default: true.</summary>
    public bool EnableJsonReplyRoutes { get; set; } = true;

    /// <summary>
    /// The largest request body accepted, in bytes; a larger one is refused with 413 before it is read.
    /// Default: 10 MiB.
    /// </summary>
    public long MaxRequestBodySize { get; set; } = 10 * 1024 * 1024;

    /// <summary>The most requests one auto-batched call (<c>POST /api/{Name}[]</c>) may hold. Default: 100.</summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>
    /// Include exception messages and stack traces of 500 errors in responses. Default (null): only in the
    /// Development environment.
    /// </summary>
    public bool? DebugMode { get; set; }

    /// <summary>
    /// Answer every request that matches no endpoint with a 404 <c>ResponseStatus</c> (apps that serve a SPA
    /// with its own fallback turn this off). Paths under the API base path always get it. Default: true.
    /// </summary>
    public bool MapNotFoundFallback { get; set; } = true;

    /// <summary>The URL of the metadata document. Default: <c>/metadata/app.json</c>.</summary>
    public string MetadataPath { get; set; } = "/metadata/app.json";
}
