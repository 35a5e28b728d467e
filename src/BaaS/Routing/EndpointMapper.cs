using BaaS.Binding;
using BaaS.Errors;
using BaaS.Formats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BaaS.Routing;

/// <summary>
/// Maps every operation at startup: <c>{ApiBasePath}/{Name}</c>, <c>/json/reply/{Name}</c> and each
/// <see cref="RouteAttribute"/>, grouped by URL shape so one endpoint serves all verbs of a path. Two DTOs claiming the
/// same verb and path fail startup, naming both.
/// </summary>
internal sealed class EndpointMapper(BaaSOptions options, ResponseWriter writer, ErrorWriter errors, IReadOnlyList<IOperationFilter> filters,
    IUploadReceiver? uploads = null)
{
    private readonly Dictionary<string, RouteGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RouteGroup> _apiGroups = new(StringComparer.OrdinalIgnoreCase);

    public int RouteCount => _groups.Count;

    public IReadOnlyList<OperationHandler> Handlers { get; private set; } = [];

    public void Map(IEndpointRouteBuilder endpoints, OperationCatalog catalog)
    {
        var handlers = new List<OperationHandler>();
        var apiBase = "/" + options.ApiBasePath.Trim('/');
        foreach (var operation in catalog.Operations)
        {
            var binder = new RequestBinder(operation.RequestType, Text.JsonProtocol.Options, options.MaxRequestBodySize, options.MaxCollectionItems, uploads);
            var handler = new OperationHandler(operation, binder, writer, errors, filters, options);
            handlers.Add(handler);
            var allVerbs = operation.Invokers.Keys.ToList();

            _apiGroups[operation.Name] = Add(handler, RouteTemplate.Parse($"{apiBase}/{operation.Name}", operation.Name), allVerbs);
            if (options.EnableJsonReplyRoutes)
                Add(handler, RouteTemplate.Parse($"/json/reply/{operation.Name}", operation.Name), allVerbs);

            foreach (var route in operation.Routes)
            {
                var template = RouteTemplate.Parse(route.Path, operation.RequestType.FullName!);
                Add(handler, template, VerbsOf(route, operation));
            }
        }
        Handlers = handlers;

        foreach (var group in _groups.Values)
        {
            var captured = group;
            var names = string.Join(", ", group.Entries.Select(e => e.Operation.Name).Distinct());
            endpoints.Map(group.Template.Pattern, context => captured.DispatchAsync(context, errors))
                .WithDisplayName($"{group.Template.Original} ({names})")
                .WithMetadata(group);
        }

        // Batches, e.g. POST /api/CreateOrder[]: one endpoint for all operations, the name from the path.
        var batches = new BatchHandler(handlers.ToDictionary(h => h.Operation.Name, StringComparer.OrdinalIgnoreCase), writer, errors);
        endpoints.Map($"{apiBase}/{{name}}[]", batches.HandleAsync).WithDisplayName("BaaS batch");
        if (options.EnableJsonReplyRoutes) endpoints.Map("/json/reply/{name}[]", batches.HandleAsync).WithDisplayName("BaaS JSON batch");

        // The same operation with a format extension: GET /api/QueryOrders.csv, /api/QueryOrders.jsonl.
        endpoints.Map($"{apiBase}/{{{ResponseFormatNegotiation.NameRouteKey}}}.{{{ResponseFormatNegotiation.FormatRouteKey}:regex(^(csv|jsonl|json)$)}}",
            context => _apiGroups.TryGetValue(context.Request.RouteValues[ResponseFormatNegotiation.NameRouteKey] as string ?? "", out var group)
                ? group.DispatchAsync(context, errors)
                : errors.WriteAsync(context, StatusCodes.Status404NotFound, NotFoundStatus(context, apiBase)))
            .WithDisplayName("BaaS API with format");

        RequestDelegate notFound = context => errors.WriteAsync(context, StatusCodes.Status404NotFound, NotFoundStatus(context, apiBase));
        endpoints.Map($"{apiBase}/{{**rest}}", notFound).WithDisplayName("BaaS API 404");
        if (options.EnableJsonReplyRoutes) endpoints.Map("/json/{**rest}", notFound).WithDisplayName("BaaS JSON 404");
        if (options.MapNotFoundFallback) endpoints.MapFallback(notFound).WithDisplayName("BaaS 404");
    }

    private RouteGroup Add(OperationHandler handler, RouteTemplate template, IEnumerable<string> verbs)
    {
        if (!_groups.TryGetValue(template.Shape, out var group))
            _groups[template.Shape] = group = new RouteGroup(template);
        group.Add(handler, template, verbs);
        return group;
    }

    private static List<string> VerbsOf(RouteAttribute route, Operation operation)
    {
        if (string.IsNullOrWhiteSpace(route.Verbs)) return [.. operation.Invokers.Keys];
        var verbs = new List<string>();
        foreach (var verb in route.Verbs.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var upper = verb.ToUpperInvariant();
            if (upper == "ANY")
            {
                verbs.AddRange(operation.Invokers.Keys);
                continue;
            }
            if (!operation.Invokers.ContainsKey(upper))
                throw new InvalidOperationException(
                    $"Route '{route.Path}' of {operation.RequestType.FullName} lists {upper}, but nothing serves {operation.Name} for {upper} " +
                    $"(served: {string.Join(", ", operation.Invokers.Keys)}). Add a '{char.ToUpperInvariant(upper[0])}{upper[1..].ToLowerInvariant()}' method or remove the verb.");
            verbs.Add(upper);
        }
        return verbs;
    }

    private static ResponseStatus NotFoundStatus(HttpContext context, string apiBase)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(apiBase + "/", StringComparison.OrdinalIgnoreCase))
        {
            var name = path[(apiBase.Length + 1)..];
            return new ResponseStatus("NotFound", $"There is no API named '{Text.WireFormat.Clip(name)}'. The list is at /metadata/app.json.");
        }
        return new ResponseStatus("NotFound", $"Nothing is served at {context.Request.Method} {Text.WireFormat.Clip(path, 200)}.");
    }
}
