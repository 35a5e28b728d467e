using System.Globalization;
using BaaS.Errors;
using BaaS.Formats;
using Microsoft.AspNetCore.Http;

namespace BaaS.Routing;

/// <summary>
/// ServiceStack's auto-batched requests, which its clients' <c>sendAll</c> uses: <c>POST /api/{Name}[]</c> with a JSON
/// array of request DTOs runs each in order through the operation and answers the array of responses. The first
/// failure stops the batch: its error is the answer, with <c>X-AutoBatch-Completed</c> saying how many succeeded (none
/// when the batch ran in a transaction, which a batch of CRUD requests does: see <see cref="BatchTransactionFilter"/>).
/// </summary>
internal sealed class BatchHandler(IReadOnlyDictionary<string, OperationHandler> handlers, ResponseWriter writer, ErrorWriter errors)
{
    public const string CompletedHeader = "X-AutoBatch-Completed";

    public async Task HandleAsync(HttpContext context)
    {
        var name = context.Request.RouteValues["name"] as string ?? "";
        if (!handlers.TryGetValue(name, out var handler))
        {
            await errors.WriteAsync(context, StatusCodes.Status404NotFound,
                new ResponseStatus("NotFound", $"There is no API named '{Text.WireFormat.Clip(name)}' to batch.")).ConfigureAwait(false);
            return;
        }
        var operation = handler.Operation;
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await errors.WriteAsync(context, StatusCodes.Status405MethodNotAllowed,
                new ResponseStatus("MethodNotAllowed", "Batches are sent with POST.")).ConfigureAwait(false);
            return;
        }
        // The batch runs the method that serves POST (an Any method does), else the DTO's own verb.
        var verb = operation.Invokers.ContainsKey(HttpVerbs.Post) ? HttpVerbs.Post : operation.PreferredVerb;
        if (!operation.Invokers.ContainsKey(verb))
        {
            await errors.WriteAsync(context, StatusCodes.Status405MethodNotAllowed,
                new ResponseStatus("MethodNotAllowed", $"{operation.Name} has no method that a batch can run.")).ConfigureAwait(false);
            return;
        }

        var run = await handler.RunBatchAsync(context, verb).ConfigureAwait(false);
        if (run.Exception is { } failure)
        {
            // In a transaction that rolled back nothing stands, so nothing completed.
            var completed = run.RolledBack ? 0 : ((BatchProgress)run.BodyState!).Completed;
            await errors.WriteAsync(context, operation.Name + "[]", failure,
                new(CompletedHeader, completed.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
            return;
        }
        if (operation.ReturnsVoid)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        try
        {
            await writer.WriteJsonAsync(context, run.Response!, StatusCodes.Status200OK).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await errors.WriteAsync(context, operation.Name + "[]", e).ConfigureAwait(false);
        }
    }
}
