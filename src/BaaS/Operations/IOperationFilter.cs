namespace BaaS;

/// <summary>
/// A step of the operation pipeline, shaped like middleware: it gets the <see cref="OperationContext"/> and the rest
/// of the pipeline as <c>next</c>, so it can refuse before (throw, or <see cref="OperationContext.Fail"/> without
/// calling <c>next</c>), answer in the service's place (set <see cref="OperationContext.Response"/> without calling
/// <c>next</c>), and observe or change the outcome after (<see cref="OperationContext.StatusCode"/>,
/// <see cref="OperationContext.Response"/>, <see cref="OperationContext.Exception"/>, <see cref="OperationContext.Elapsed"/>).
/// Every way in (HTTP, batches, in-process gateway calls) runs the same pipeline.
/// </summary>
/// <remarks>
/// <c>next</c> never throws: whatever a later filter or the service throws is caught and recorded on the context, with
/// the status it answers, before control comes back. Register a filter in DI
/// (<c>services.AddSingleton&lt;IOperationFilter, MyFilter&gt;()</c>) or return it from a feature's
/// <see cref="BaaSFeature.CreateFilters"/>. Which operations it applies to is decided once at startup, so the others pay
/// nothing.
/// </remarks>
/// <example>
/// <code>
/// public sealed class TimingFilter(ILogger&lt;TimingFilter&gt; log) : IOperationFilter
/// {
///     public int Order =&gt; FilterOrder.Observe;
///     public bool RunsBeforeBinding =&gt; true;
///     public bool AppliesTo(Operation operation) =&gt; true;
///     public async ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next)
///     {
///         await next(context);
///         log.LogInformation("{Op} answered {Status} in {Ms} ms", context.Operation.Name, context.StatusCode, context.Elapsed.TotalMilliseconds);
///     }
/// }
/// </code>
/// </example>
public interface IOperationFilter
{
    /// <summary>
    /// Where the filter sits: lower runs first (outermost). <see cref="FilterOrder"/> names the framework's own
    /// positions. Filters of equal order run in registration order.
    /// </summary>
    int Order => FilterOrder.Default;

    /// <summary>
    /// True to run before the request is bound: <see cref="OperationContext.Request"/> is still null, a refusal costs no
    /// body parsing, and the filter also sees binding errors (a malformed body's 400). In a batch such a filter runs once
    /// for the whole batch; the others run once per request of the batch.
    /// </summary>
    bool RunsBeforeBinding => false;

    /// <summary>Whether the filter applies to <paramref name="operation"/>; asked once per operation at startup.</summary>
    bool AppliesTo(Operation operation);

    /// <summary>Runs the filter; call <paramref name="next"/> to go on with the pipeline.</summary>
    ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next);
}
