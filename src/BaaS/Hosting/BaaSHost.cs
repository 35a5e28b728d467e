using System.Security.Claims;
using BaaS.Errors;
using BaaS.Formats;
using BaaS.Metadata;
using BaaS.Routing;
using BaaS.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Hosting;

/// <summary>
/// The framework's state for one app, built once when <c>UseBaaS</c> runs: the features, the operation catalog, the
/// metadata, and one compiled handler per operation. Features read the catalog and metadata from here.
/// </summary>
public sealed class BaaSHost
{
    private readonly IServiceProvider _services;
    private readonly IReadOnlyList<IOperationFilter> _filters;
    private Dictionary<Type, OperationHandler>? _handlers;
    private readonly ILogger<BaaSHost> _logger;
    private readonly Lazy<OperationCatalog> _catalog;
    private readonly Lazy<AppMetadata> _metadata;
    private bool _started;

    /// <summary>Created by DI.</summary>
    public BaaSHost(IOptions<BaaSOptions> options, IEnumerable<BaaSFeature> features, IEnumerable<IOperationSource> sources,
        IEnumerable<IOperationFilter> filters, IServiceProvider services, IHostEnvironment environment, ILogger<BaaSHost> logger)
    {
        Options = options.Value;
        Features = [.. features];
        _services = services;
        _logger = logger;
        // Filters registered in DI first, then each feature's, in the order the features were added.
        _filters = [.. filters, .. Features.SelectMany(f => f.CreateFilters(services))];
        ErrorMapper = new ErrorMapper(Options.DebugMode ?? environment.IsDevelopment());
        IEnumerable<IOperationSource> allSources =
            [new ServiceDiscovery(Options.ServiceAssemblies, AppAssemblies.ServiceTypesOf(Options, Features)), .. sources,
             .. Features.SelectMany(f => f.CreateOperationSources(services))];
        _catalog = new Lazy<OperationCatalog>(() => OperationCatalog.Build(allSources, _services));
        _metadata = new Lazy<AppMetadata>(BuildMetadata);
    }

    /// <summary>The options, as they were at startup.</summary>
    public BaaSOptions Options { get; }

    /// <summary>The app's features, in the order they were added.</summary>
    public IReadOnlyList<BaaSFeature> Features { get; }

    /// <summary>Every operation the app serves.</summary>
    public OperationCatalog Catalog => _catalog.Value;

    /// <summary>The metadata document served at <see cref="BaaSOptions.MetadataPath"/>.</summary>
    public AppMetadata Metadata => _metadata.Value;

    /// <summary>How exceptions become HTTP answers.</summary>
    public ErrorMapper ErrorMapper { get; }

    /// <summary>
    /// The filters of <paramref name="operation"/>'s pipeline, outermost first, as they run (before-binding ones, then
    /// the others). Available once the app has started.
    /// </summary>
    public IEnumerable<IOperationFilter> FiltersOf(Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var handlers = _handlers ?? throw new InvalidOperationException("BaaS is not started: the pipelines are built by app.UseBaaS().");
        return handlers.TryGetValue(operation.RequestType, out var handler) ? handler.Filters : [];
    }

    /// <summary>
    /// Runs the operation of <paramref name="request"/> in-process, as <paramref name="user"/>, with services from
    /// <paramref name="services"/>: the same filters and service as over HTTP, with the DTO's preferred verb (or the
    /// only one served). Throws what the operation throws. Prefer <see cref="IServiceGateway"/> in app code.
    /// </summary>
    public async Task<object?> ExecuteAsync(object request, IServiceProvider services, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var handlers = _handlers ?? throw new InvalidOperationException("BaaS is not started: in-process calls work after app.UseBaaS().");
        if (!handlers.TryGetValue(request.GetType(), out var handler))
            throw new NotSupportedException($"{request.GetType().FullName} is not a served request DTO.");
        var operation = handler.Operation;
        var verb = operation.Invokers.ContainsKey(operation.PreferredVerb) ? operation.PreferredVerb : operation.Invokers.Keys.First();

        var response = new GatewayResponseFeature();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature { Method = verb, Path = $"/{Options.ApiBasePath.Trim('/')}/{operation.Name}" });
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        var context = new DefaultHttpContext(features) { RequestServices = services, User = user, RequestAborted = cancellationToken };
        try
        {
            return await handler.RunGatewayAsync(context, verb, request).ConfigureAwait(false);
        }
        finally
        {
            await response.CompleteAsync().ConfigureAwait(false);
        }
    }

    internal void Start(IEndpointRouteBuilder endpoints)
    {
        if (_started) throw new InvalidOperationException("UseBaaS() was called twice: call it once, after the middleware it depends on.");
        _started = true;
        Options.Freeze(); // what is compiled below must not drift from the options

        var writer = new ResponseWriter(Text.JsonProtocol.Options);
        var errors = new ErrorWriter(ErrorMapper, writer, _logger);
        var mapper = new EndpointMapper(Options, writer, errors, _filters, _services.GetService(typeof(Binding.IUploadReceiver)) as Binding.IUploadReceiver);
        mapper.Map(endpoints, Catalog);
        _handlers = mapper.Handlers.ToDictionary(h => h.Operation.RequestType);

        var metadata = Metadata; // built now, so a bad type fails startup rather than the first request
        endpoints.MapGet(Options.MetadataPath, context => writer.WriteJsonAsync(context, metadata, StatusCodes.Status200OK))
            .WithDisplayName("BaaS metadata");
        foreach (var feature in Features) feature.MapEndpoints(endpoints, this);
        Log.Started(_logger, Catalog.Operations.Count, mapper.RouteCount, string.Join(", ", Features.Select(f => f.Id)));
    }

    private AppMetadata BuildMetadata()
    {
        var metadata = MetadataBuilder.Build(Catalog, Options, [.. Features.SelectMany(f => f.ExportTypes(_services, Catalog))]);
        foreach (var feature in Features)
        {
            if (feature.Describe(_services, Catalog) is { } description) metadata.Plugins[feature.Id] = description;
        }
        return metadata;
    }
}
