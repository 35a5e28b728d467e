using BaaS.Binding;
using BaaS.Errors;
using Microsoft.AspNetCore.Http;

namespace BaaS.Routing;

/// <summary>
/// All operations served at one URL shape, by verb: <c>GET /orders/{Id}</c> may be GetOrder and
/// <c>DELETE /orders/{Id}</c> DeleteOrder. One ASP.NET Core endpoint serves the group and picks the target by verb, so
/// a verb nobody serves gets a 405 with an <c>Allow</c> header and a ResponseStatus.
/// </summary>
internal sealed class RouteGroup(RouteTemplate template)
{
    private readonly Dictionary<string, Target> _byVerb = new(StringComparer.OrdinalIgnoreCase);

    public RouteTemplate Template { get; } = template;

    public IEnumerable<(string Verb, Operation Operation)> Entries => _byVerb.Select(kv => (kv.Key, kv.Value.Handler.Operation));

    /// <summary>Adds an operation for some verbs; its template's parameters bind by position to the group's.</summary>
    public void Add(OperationHandler handler, RouteTemplate own, IEnumerable<string> verbs)
    {
        var bindings = new List<RouteBinding>();
        var groupParameters = Template.Parameters;
        var ownParameters = own.Parameters;
        for (var i = 0; i < ownParameters.Count; i++)
        {
            var property = handler.Binder.FindProperty(ownParameters[i])
                ?? throw new InvalidOperationException(
                    $"Route '{own.Original}' of {handler.Operation.RequestType.FullName} has the variable {{{ownParameters[i]}}} but the DTO has no property of that name.");
            bindings.Add(new RouteBinding(groupParameters[i], property));
        }

        foreach (var verb in verbs)
        {
            if (_byVerb.TryGetValue(verb, out var existing) && existing.Handler.Operation != handler.Operation)
                throw new InvalidOperationException(
                    $"{verb} {own.Original} is claimed by two request DTOs: {existing.Handler.Operation.RequestType.FullName} " +
                    $"(route '{existing.Route}') and {handler.Operation.RequestType.FullName} (route '{own.Original}'). Give one a different path or verb.");
            _byVerb[verb] = new Target(handler, bindings, own.Original, verb.ToUpperInvariant());
        }
    }

    public Task DispatchAsync(HttpContext context, ErrorWriter errors)
    {
        var verb = context.Request.Method;
        if (HttpMethods.IsHead(verb)) verb = HttpMethods.Get;
        if (_byVerb.TryGetValue(verb, out var target))
            return target.Handler.HandleAsync(context, target.Verb, target.Bindings);

        var allowed = string.Join(", ", _byVerb.Keys.Order(StringComparer.Ordinal));
        context.Response.Headers.Allow = allowed;
        var names = string.Join(", ", _byVerb.Values.Select(t => t.Handler.Operation.Name).Distinct());
        return errors.WriteAsync(context, StatusCodes.Status405MethodNotAllowed,
            new ResponseStatus("MethodNotAllowed", $"{context.Request.Method} is not allowed here ({names}): use {allowed}."));
    }

    private sealed record Target(OperationHandler Handler, IReadOnlyList<RouteBinding> Bindings, string Route, string Verb);
}
