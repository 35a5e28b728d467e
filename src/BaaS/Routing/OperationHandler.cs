using System.Runtime.ExceptionServices;
using BaaS.Binding;
using BaaS.Errors;
using BaaS.Formats;
using Microsoft.AspNetCore.Http;

namespace BaaS.Routing;

/// <summary>
/// One operation's ways in, assembled once at startup around its <see cref="OperationPipeline"/>: an HTTP request
/// (negotiate the format, bind, run, write the response or the <see cref="ResponseStatus"/>), a batch of requests, and
/// an in-process call. All three run the same filters and service.
/// </summary>
internal sealed class OperationHandler
{
    private readonly ResponseWriter _writer;
    private readonly ErrorWriter _errors;
    private readonly OperationPipeline _pipeline;
    private readonly OperationFilterDelegate _httpBody;
    private readonly OperationFilterDelegate _gatewayBody;
    private readonly OperationFilterDelegate _batchBody;

    public OperationHandler(Operation operation, RequestBinder binder, ResponseWriter writer, ErrorWriter errors,
        IEnumerable<IOperationFilter> filters, BaaSOptions options)
    {
        Operation = operation;
        Binder = binder;
        _writer = writer;
        _errors = errors;
        _pipeline = new OperationPipeline(operation, filters);
        _httpBody = BindHttpAsync;
        _gatewayBody = TakeGatewayRequest;
        _batchBody = new BatchBody(this, options).RunAsync;
    }

    public Operation Operation { get; }

    public RequestBinder Binder { get; }

    /// <summary>The filters of this operation, outermost first, as they run.</summary>
    public IEnumerable<IOperationFilter> Filters => _pipeline.BeforeBinding.Concat(_pipeline.AfterBinding);

    public async Task HandleAsync(HttpContext context, string verb, IReadOnlyList<RouteBinding> routeBindings)
    {
        var run = new OperationContext(context, Operation, verb, OperationKind.Http, _httpBody) { BodyState = routeBindings };
        await _pipeline.Outer(run).ConfigureAwait(false);
        if (run.Exception is { } failure)
        {
            await _errors.WriteAsync(context, Operation.Name, failure).ConfigureAwait(false);
            return;
        }
        try
        {
            await _writer.WriteAsync(context, run.Response, run.Format).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await _errors.WriteAsync(context, Operation.Name, e).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a batch; the context's <see cref="OperationContext.Response"/> is the list of responses.</summary>
    public async Task<OperationContext> RunBatchAsync(HttpContext context, string verb)
    {
        var run = new OperationContext(context, Operation, verb, OperationKind.Batch, _batchBody) { BodyState = new BatchProgress() };
        await _pipeline.Outer(run).ConfigureAwait(false);
        return run;
    }

    /// <summary>Runs an in-process call; throws what the operation threw.</summary>
    public async Task<object?> RunGatewayAsync(HttpContext context, string verb, object request)
    {
        var run = new OperationContext(context, Operation, verb, OperationKind.Gateway, _gatewayBody) { BodyState = request };
        await _pipeline.Outer(run).ConfigureAwait(false);
        if (run.Exception is { } failure) ExceptionDispatchInfo.Throw(failure);
        return run.Response is HttpResult result ? result.Response : run.Response;
    }

    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask BindHttpAsync(OperationContext run)
    {
        var context = run.HttpContext;
        run.Format = ResponseFormatNegotiation.Negotiate(context.Request);
        var bound = await Binder.BindAsync(context, (IReadOnlyList<RouteBinding>)run.BodyState!).ConfigureAwait(false);
        context.Features.Set(new RequestInfo(Operation, run.Verb, bound.Dto, bound.Sent, Binder.PropertyNames, bound.Unmatched));
        run.Request = bound.Dto;
        await _pipeline.Inner(run).ConfigureAwait(false);
    }

    private ValueTask TakeGatewayRequest(OperationContext run)
    {
        var request = run.BodyState!;
        run.HttpContext.Features.Set(new RequestInfo(Operation, run.Verb, request, Binder.SentOf(request), Binder.PropertyNames, null));
        run.Request = request;
        return _pipeline.Inner(run);
    }

    /// <summary>Runs the requests of a batch body one after another through the after-binding filters and the service.</summary>
    private sealed class BatchBody(OperationHandler handler, BaaSOptions options)
    {
        public async ValueTask RunAsync(OperationContext run)
        {
            var context = run.HttpContext;
            var progress = (BatchProgress)run.BodyState!;
            if (handler.Binder.TakesFiles && context.Request.HasFormContentType)
            {
                await RunMultipartAsync(run, progress).ConfigureAwait(false);
                return;
            }
            var body = await RequestBody.ReadAllAsync(context, options.MaxRequestBodySize).ConfigureAwait(false);
            try
            {
                var elements = BatchSplitter.Split(body.Buffer, options.MaxBatchSize);
                var responses = new List<object?>(elements.Count);
                foreach (var (start, end) in elements)
                {
                    var bound = handler.Binder.BindJson(body.Buffer.Slice(start, end));
                    context.Features.Set(new RequestInfo(handler.Operation, run.Verb, bound.Dto, bound.Sent, handler.Binder.PropertyNames, null));
                    run.Request = bound.Dto;
                    var item = BatchItemTracing.Start(run, progress.Completed);
                    await handler._pipeline.Inner(run).ConfigureAwait(false);
                    BatchItemTracing.Stop(item, run);
                    if (run.Exception is not null) return; // the first failure ends the batch and is its answer
                    responses.Add(run.Response is HttpResult result ? result.Response : run.Response);
                    progress.Completed++;
                }
                run.Request = null;
                run.Response = handler.Operation.ReturnsVoid ? null : responses;
            }
            finally
            {
                context.Request.BodyReader.AdvanceTo(body.Buffer.End);
            }
        }

        /// <summary>A batch of requests with files (<c>multipart/form-data</c>): every request is bound, its files streamed, before the first runs.</summary>
        private async ValueTask RunMultipartAsync(OperationContext run, BatchProgress progress)
        {
            var context = run.HttpContext;
            var requests = await handler.Binder.BindMultipartBatchAsync(context, options.MaxBatchSize).ConfigureAwait(false);
            var responses = new List<object?>(requests.Count);
            foreach (var bound in requests)
            {
                context.Features.Set(new RequestInfo(handler.Operation, run.Verb, bound.Dto, bound.Sent, handler.Binder.PropertyNames, null));
                run.Request = bound.Dto;
                var item = BatchItemTracing.Start(run, progress.Completed);
                await handler._pipeline.Inner(run).ConfigureAwait(false);
                BatchItemTracing.Stop(item, run);
                if (run.Exception is not null) return;
                responses.Add(run.Response is HttpResult result ? result.Response : run.Response);
                progress.Completed++;
            }
            run.Request = null;
            run.Response = handler.Operation.ReturnsVoid ? null : responses;
        }
    }
}

/// <summary>How many requests of a batch have run.</summary>
internal sealed class BatchProgress
{
    public int Completed { get; set; }
}
