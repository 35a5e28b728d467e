using BaaS.Binding;
using BaaS.Errors;
using BaaS.Formats;
using Microsoft.AspNetCore.Http;

namespace BaaS.Routing;

/// <summary>
/// The request path of one operation, assembled once at startup: negotiate the format, bind the DTO, run the
/// invoker for the verb, write the response; any exception on the way becomes a <see cref="ResponseStatus"/>.
/// </summary>
internal sealed class OperationHandler(Operation operation, RequestBinder binder, ResponseWriter writer, ErrorWriter errors)
{
    public Operation Operation { get; } = operation;

    public RequestBinder Binder { get; } = binder;

    public async Task HandleAsync(HttpContext context, string verb, IReadOnlyList<RouteBinding> routeBindings)
    {
        try
        {
            var format = ResponseFormatNegotiation.Negotiate(context.Request);
            var bound = await Binder.BindAsync(context, routeBindings).ConfigureAwait(false);
            context.Features.Set(new RequestInfo(Operation, verb, bound.Dto, bound.Sent, Binder.PropertyNames, bound.Unmatched));
            var result = await Operation.Invokers[verb](context, bound.Dto).ConfigureAwait(false);
            if (Operation.ReturnsVoid && result is not (HttpResult or IResult)) result = null;
            await writer.WriteAsync(context, result, format).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await errors.WriteAsync(context, Operation.Name, e).ConfigureAwait(false);
        }
    }
}
