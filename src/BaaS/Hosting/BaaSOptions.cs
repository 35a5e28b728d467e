using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace BaaS;

/// <summary>
/// The framework's options, set once in <c>AddBaaS</c>; they are validated and frozen when the app starts: a change
/// after that throws, and a value that cannot work fails startup naming the option (see <see cref="BaaSOptionsValidator"/>).
/// </summary>
public sealed class BaaSOptions
{
    private bool _frozen;
    private string _serviceName = "BaaS";
    private string _apiBasePath = "/api";
    private bool _enableJsonReplyRoutes = true;
    private long _maxRequestBodySize = 10 * 1024 * 1024;
    private int _maxUrlLength = 8 * 1024;
    private int _maxBatchSize = 100;
    private int _maxCollectionItems = 1000;
    private bool? _debugMode;
    private bool _mapNotFoundFallback = true;
    private string _metadataPath = "/metadata/app.json";
    private string? _publicUrl;

    /// <summary>The app's name, shown in the metadata and the UIs. Default: "BaaS".</summary>
    public string ServiceName { get => _serviceName; set => Set(ref _serviceName, value); }

    /// <summary>Assemblies scanned for services (classes deriving from <see cref="Service"/>).</summary>
    public FreezableList<Assembly> ServiceAssemblies { get; } = new(nameof(BaaSOptions) + "." + nameof(ServiceAssemblies));

    /// <summary>
    /// Service classes to serve beside those found in <see cref="ServiceAssemblies"/>: for apps (and tests) that pick
    /// services one by one.
    /// </summary>
    public FreezableList<Type> ServiceTypes { get; } = new(nameof(BaaSOptions) + "." + nameof(ServiceTypes));

    /// <summary>The prefix of the predefined routes: <c>/api/{Name}</c>. Default: <c>/api</c>.</summary>
    public string ApiBasePath { get => _apiBasePath; set => Set(ref _apiBasePath, value); }

    /// <summary>Also serve every request DTO at <c>/json/reply/{Name}</c>, as older ServiceStack clients call it. Default: true.</summary>
    public bool EnableJsonReplyRoutes { get => _enableJsonReplyRoutes; set => Set(ref _enableJsonReplyRoutes, value); }

    /// <summary>
    /// The largest request body accepted, in bytes; a larger one is refused with 413 before it is read.
    /// Default: 10 MiB.
    /// </summary>
    public long MaxRequestBodySize { get => _maxRequestBodySize; set => Set(ref _maxRequestBodySize, value); }

    /// <summary>
    /// The longest path and query string accepted, in characters; a longer one is refused with 414 and a ResponseStatus
    /// naming its longest query parameter, before routing. Kestrel's own request-line limit is raised to 64 KiB (when
    /// left at its default) so that this answer, not Kestrel's bare one, is what clients get. Default: 8 KiB.
    /// </summary>
    public int MaxUrlLength { get => _maxUrlLength; set => Set(ref _maxUrlLength, value); }

    /// <summary>The most requests one auto-batched call (<c>POST /api/{Name}[]</c>) may hold. Default: 100.</summary>
    public int MaxBatchSize { get => _maxBatchSize; set => Set(ref _maxBatchSize, value); }

    /// <summary>
    /// The most items a list, array, set or dictionary property of a request DTO may hold when it declares no
    /// <see cref="ValidateMaxItemsAttribute"/>, and the most values one AutoQuery filter takes (<c>?ids=1,2,3</c>,
    /// <c>?statusIn=...</c>). More answers 400 naming the property, counted while binding, before any SQL. Keep it well
    /// under the databases' parameter limits (SQLite 32,766, PostgreSQL 65,535). Default: 1,000.
    /// </summary>
    public int MaxCollectionItems { get => _maxCollectionItems; set => Set(ref _maxCollectionItems, value); }

    /// <summary>
    /// Include exception messages and stack traces of 500 errors in responses. Default (null): only in the
    /// Development environment.
    /// </summary>
    public bool? DebugMode { get => _debugMode; set => Set(ref _debugMode, value); }

    /// <summary>
    /// Answer every request that matches no endpoint with a 404 <c>ResponseStatus</c> (apps that serve a SPA
    /// with its own fallback turn this off). Paths under the API base path always get it. Default: true.
    /// </summary>
    public bool MapNotFoundFallback { get => _mapNotFoundFallback; set => Set(ref _mapNotFoundFallback, value); }

    /// <summary>The URL of the metadata document. Default: <c>/metadata/app.json</c>.</summary>
    public string MetadataPath { get => _metadataPath; set => Set(ref _metadataPath, value); }

    /// <summary>
    /// The site's public address (<c>https://app.example.com</c>): every absolute URL the platform writes (links in
    /// emails, OAuth callbacks, the base URL of generated clients) starts with it, never with the request's Host header,
    /// which a caller chooses. Read from the <c>PublicUrl</c> setting when code leaves it unset. Required outside
    /// Development; in Development, without it, URLs follow the request.
    /// </summary>
    public string? PublicUrl { get => _publicUrl; set => Set(ref _publicUrl, value); }

    /// <summary>
    /// The base of absolute URLs for <paramref name="request"/>: <see cref="PublicUrl"/> (without a trailing <c>/</c>),
    /// or, when it is unset (Development only: elsewhere the app does not start), the request's scheme, host and path base.
    /// </summary>
    public string BaseUrlOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _publicUrl is { Length: > 0 } url ? url.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>Makes the options read-only; called by the framework when the app starts.</summary>
    internal void Freeze()
    {
        _frozen = true;
        ServiceAssemblies.Freeze();
        ServiceTypes.Freeze();
    }

    private void Set<T>(ref T field, T value)
    {
        if (_frozen) throw new InvalidOperationException("BaaSOptions cannot change after the app has started: set them in AddBaaS(...).");
        field = value;
    }
}
