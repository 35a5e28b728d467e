namespace BaaS;

/// <summary>
/// One operation's pipeline, composed once at startup from the filters that apply to it:
/// before-binding filters (in <see cref="IOperationFilter.Order"/>), then the way in's own step (bind the HTTP body,
/// walk a batch, take a gateway call's DTO), then after-binding filters, then the service. Each step is guarded, so
/// what a step throws is recorded on the <see cref="OperationContext"/> and the steps around it still run their
/// after-side.
/// </summary>
internal sealed class OperationPipeline
{
    public OperationPipeline(Operation operation, IEnumerable<IOperationFilter> filters)
    {
        // OrderBy is stable: filters of equal order keep their registration order.
        var applicable = filters.Where(f => f.AppliesTo(operation)).OrderBy(f => f.Order).ToList();
        BeforeBinding = [.. applicable.Where(f => f.RunsBeforeBinding)];
        AfterBinding = [.. applicable.Where(f => !f.RunsBeforeBinding)];
        var invoke = Invoke(operation);
        Inner = Compose(AfterBinding, invoke);
        Outer = Compose(BeforeBinding, static context => context.Body(context));
    }

    /// <summary>The filters that run before binding, in order.</summary>
    public IReadOnlyList<IOperationFilter> BeforeBinding { get; }

    /// <summary>The filters that run after binding, in order.</summary>
    public IReadOnlyList<IOperationFilter> AfterBinding { get; }

    /// <summary>The whole run: before-binding filters, then the context's body (which calls <see cref="Inner"/>).</summary>
    public OperationFilterDelegate Outer { get; }

    /// <summary>The after-binding filters and the service, for a bound <see cref="OperationContext.Request"/>.</summary>
    public OperationFilterDelegate Inner { get; }

    private static OperationFilterDelegate Invoke(Operation operation)
    {
        var invokers = operation.Invokers;
        var returnsVoid = operation.ReturnsVoid;
        return context =>
        {
            var pending = invokers[context.Verb](context.HttpContext, context.Request!);
            if (!pending.IsCompletedSuccessfully) return Awaited(context, pending, returnsVoid);
            context.Response = Shape(pending.Result, returnsVoid);
            return default;
        };

        // Pooled state machines: on an asynchronous database every request comes through here (PostgreSQL).
        [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))]
        static async ValueTask Awaited(OperationContext context, ValueTask<object?> pending, bool returnsVoid) =>
            context.Response = Shape(await pending.ConfigureAwait(false), returnsVoid);

        // A void operation answers no body whatever its method returned, unless it chose a status or an ASP.NET result.
        static object? Shape(object? result, bool returnsVoid) =>
            returnsVoid && result is not (HttpResult or Microsoft.AspNetCore.Http.IResult) ? null : result;
    }

    /// <summary>
    /// Wraps <paramref name="terminal"/> in <paramref name="filters"/>, the first outermost:
    /// <c>Guard(f1 -> Guard(f2 -> Guard(terminal)))</c>.
    /// </summary>
    private static OperationFilterDelegate Compose(IReadOnlyList<IOperationFilter> filters, OperationFilterDelegate terminal)
    {
        var next = Guard(terminal);
        for (var i = filters.Count - 1; i >= 0; i--)
        {
            var filter = filters[i];
            var inner = next;
            next = Guard(context => filter.InvokeAsync(context, inner));
        }
        return next;
    }

    /// <summary>Records what <paramref name="step"/> throws on the context instead of letting it unwind the pipeline.</summary>
    private static OperationFilterDelegate Guard(OperationFilterDelegate step) => context =>
    {
        ValueTask pending;
        try
        {
            pending = step(context);
        }
        catch (Exception e)
        {
            context.Fail(e);
            return default;
        }
        if (!pending.IsCompletedSuccessfully) return Awaited(context, pending);
        pending.GetAwaiter().GetResult(); // consumes a pooled source's result
        return default;

        [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))]
        static async ValueTask Awaited(OperationContext context, ValueTask pending)
        {
            try
            {
                await pending.ConfigureAwait(false);
            }
            catch (Exception e)
            {
                context.Fail(e);
            }
        }
    };
}
