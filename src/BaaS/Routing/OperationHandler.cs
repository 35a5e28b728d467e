using BaaS.Binding;
using BaaS.Errors;
using BaaS.Formats;
using Microsoft.AspNetCore.Http;

namespace BaaS.Routing;

/// <summary>
/// The request path of one operation, assembled once at startup: negotiate the format, run the filters that come
/// before binding, bind the DTO, run the other filters and the invoker for the verb, write the response; any exception
/// on the way becomes a <see cref="ResponseStatus"/>. Batches and in-process calls share
/// <see cref="BeforeBindingAsync"/> and <see cref="ExecuteAsync"/>, so no path skips a filter.
/// </summary>
internal sealed class OperationHandler
{
    private readonly ResponseWriter _writer;
    private readonly ErrorWriter _errors;
    private readonly IRequestFilter[] _beforeBinding;
    private readonly IRequestFilter[] _afterBinding;

    public OperationHandler(Operation operation, RequestBinder binder, ResponseWriter writer, ErrorWriter errors, IEnumerable<IRequestFilter> filters)
    {
        Operation = operation;
        Binder = binder;
        _writer = writer;
        _errors = errors;
        var applicable = filters.Where(f => f.AppliesTo(operation)).OrderBy(f => f.Order).ToList();
        _beforeBinding = [.. applicable.Where(f => f.RunsBeforeBinding)];
        _afterBinding = [.. applicable.Where(f => !f.RunsBeforeBinding)];
    }

    public Operation Operation { get; }

    public RequestBinder Binder { get; }

    public async Task HandleAsync(HttpContext context, string verb, IReadOnlyList<RouteBinding> routeBindings)
    {
        try
        {
            var format = ResponseFormatNegotiation.Negotiate(context.Request);
            if (_beforeBinding.Length > 0) await BeforeBindingAsync(context).ConfigureAwait(false);
            var bound = await Binder.BindAsync(context, routeBindings).ConfigureAwait(false);
            context.Features.Set(new RequestInfo(Operation, verb, bound.Dto, bound.Sent, Binder.PropertyNames, bound.Unmatched));
            var result = await ExecuteAsync(context, verb, bound.Dto).ConfigureAwait(false);
            if (Operation.ReturnsVoid && result is not (HttpResult or IResult)) result = null;
            await _writer.WriteAsync(context, result, format).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await _errors.WriteAsync(context, Operation.Name, e).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the filters that need no request DTO.</summary>
    public async ValueTask BeforeBindingAsync(HttpContext context)
    {
        foreach (var filter in _beforeBinding)
            await filter.OnRequestAsync(context, Operation, null).ConfigureAwait(false);
    }

    /// <summary>Runs the filters that read the DTO, then the operation.</summary>
    public ValueTask<object?> ExecuteAsync(HttpContext context, string verb, object request)
    {
        return _afterBinding.Length == 0 ? Operation.Invokers[verb](context, request) : Filtered(context, verb, request);

        async ValueTask<object?> Filtered(HttpContext context, string verb, object request)
        {
            foreach (var filter in _afterBinding)
                await filter.OnRequestAsync(context, Operation, request).ConfigureAwait(false);
            return await Operation.Invokers[verb](context, request).ConfigureAwait(false);
        }
    }
}
