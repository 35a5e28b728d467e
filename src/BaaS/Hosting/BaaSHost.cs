using BaaS.Errors;
using BaaS.Formats;
using BaaS.Metadata;
using BaaS.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Hosting;

/// <summary>
/// The framework's state for one app, built once when <c>UseBaaS</c> runs: the operation catalog, the metadata, and
/// one compiled handler per operation. Features read the catalog and metadata from here.
/// </summary>
public sealed class BaaSHost
{
    private readonly IServiceProvider _services;
    private readonly IEnumerable<IOperationSource> _sources;
    private readonly ILogger<BaaSHost> _logger;
    private readonly Lazy<OperationCatalog> _catalog;
    private readonly Lazy<AppMetadata> _metadata;
    private bool _started;

    /// <summary>Created by DI.</summary>
    public BaaSHost(IOptions<BaaSOptions> options, IEnumerable<IOperationSource> sources, IServiceProvider services,
        IHostEnvironment environment, ILogger<BaaSHost> logger)
    {
        Options = options.Value;
        _sources = sources;
        _services = services;
        _logger = logger;
        ErrorMapper = new ErrorMapper(Options.DebugMode ?? environment.IsDevelopment());
        _catalog = new Lazy<OperationCatalog>(() => OperationCatalog.Build(_sources, _services));
        _metadata = new Lazy<AppMetadata>(() => MetadataBuilder.Build(Catalog, Options));
    }

    /// <summary>The options, as they were at startup.</summary>
    public BaaSOptions Options { get; }

    /// <summary>Every operation the app serves.</summary>
    public OperationCatalog Catalog => _catalog.Value;

    /// <summary>The metadata document served at <see cref="BaaSOptions.MetadataPath"/>.</summary>
    public AppMetadata Metadata => _metadata.Value;

    /// <summary>How exceptions become HTTP answers.</summary>
    public ErrorMapper ErrorMapper { get; }

    internal void Start(IEndpointRouteBuilder endpoints)
    {
        if (_started) throw new InvalidOperationException("UseBaaS() was called twice: call it once, after the middleware it depends on.");
        _started = true;

        var writer = new ResponseWriter(Text.JsonProtocol.Options);
        var errors = new ErrorWriter(ErrorMapper, writer, _logger);
        var mapper = new EndpointMapper(Options, writer, errors);
        mapper.Map(endpoints, Catalog);

        var metadata = Metadata; // built now, so a bad type fails startup rather than the first request
        endpoints.MapGet(Options.MetadataPath, context => writer.WriteJsonAsync(context, metadata, StatusCodes.Status200OK))
            .WithDisplayName("BaaS metadata");
        Log.Started(_logger, Catalog.Operations.Count, mapper.RouteCount);
    }
}
