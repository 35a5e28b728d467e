using System.Buffers;
using System.Text.Json;
using BaaS.Binding;
using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;
using BaaS.Errors;
using BaaS.Formats;
using Microsoft.AspNetCore.Http;

namespace BaaS.Routing;

/// <summary>
/// ServiceStack's auto-batched requests, which its clients' <c>sendAll</c> uses: <c>POST /api/{Name}[]</c> with a JSON
/// array of request DTOs runs each in order through the operation and answers the array of responses. The first
/// failure stops the batch: its error is the answer, with <c>X-AutoBatch-Completed</c> saying how many succeeded.
/// </summary>
internal sealed class BatchHandler(IReadOnlyDictionary<string, OperationHandler> handlers, ResponseWriter writer, ErrorWriter errors, BaaSOptions options)
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

        var completed = 0;
        // A batch of CRUD requests is all or nothing: one connection and transaction that every request joins.
        DataTransaction? transaction = null;
        DataConnection? db = null;
        try
        {
            await handler.BeforeBindingAsync(context).ConfigureAwait(false);
            if (typeof(ICrud).IsAssignableFrom(operation.RequestType))
            {
                db = await context.RequestServices.GetRequiredService<IDbConnectionFactory>().OpenAsync(context.RequestAborted).ConfigureAwait(false);
                transaction = await db.OpenTransactionAsync(context.RequestAborted).ConfigureAwait(false);
                context.Features.Set(new RequestDb(db));
            }
            var body = await RequestBody.ReadAllAsync(context, options.MaxRequestBodySize).ConfigureAwait(false);
            try
            {
                var elements = Split(body.Buffer, options.MaxBatchSize);
                var responses = new List<object?>(elements.Count);
                foreach (var element in elements)
                {
                    var bound = handler.Binder.BindJson(body.Buffer.Slice(element.Start, element.End));
                    context.Features.Set(new RequestInfo(operation, verb, bound.Dto, bound.Sent, handler.Binder.PropertyNames, null));
                    var result = await handler.ExecuteAsync(context, verb, bound.Dto).ConfigureAwait(false);
                    responses.Add(result is HttpResult httpResult ? httpResult.Response : result);
                    completed++;
                }
                if (transaction is not null) await transaction.CommitAsync(context.RequestAborted).ConfigureAwait(false);
                if (operation.ReturnsVoid)
                {
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    return;
                }
                await writer.WriteJsonAsync(context, responses, StatusCodes.Status200OK).ConfigureAwait(false);
            }
            finally
            {
                context.Request.BodyReader.AdvanceTo(body.Buffer.End);
            }
        }
        catch (Exception e)
        {
            // In a transactional batch nothing stands, so nothing completed.
            if (transaction is not null) completed = 0;
            await errors.WriteAsync(context, operation.Name + "[]", e,
                new(CompletedHeader, completed.ToString(System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync().ConfigureAwait(false);
            if (db is not null)
            {
                context.Features.Set<RequestDb>(null);
                await db.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The positions of each element of the body's top-level JSON array, which must hold only objects.</summary>
    private static List<(SequencePosition Start, SequencePosition End)> Split(ReadOnlySequence<byte> body, int maxBatchSize)
    {
        var elements = new List<(SequencePosition, SequencePosition)>();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                throw new HttpError(400, "SerializationException", "A batch body must be a JSON array of request objects.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw new HttpError(400, "SerializationException", $"Item {elements.Count} of the batch is not a JSON object.");
                if (elements.Count == maxBatchSize)
                    throw new HttpError(400, "BatchTooLarge", $"A batch holds at most {maxBatchSize} requests.");
                var start = body.GetPosition(reader.TokenStartIndex);
                reader.Skip();
                elements.Add((start, body.GetPosition(reader.BytesConsumed)));
            }
            reader.Read(); // throws on anything but white space after the array
        }
        catch (JsonException e)
        {
            throw new HttpError(400, "SerializationException",
                $"The batch is not valid JSON (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}).");
        }
        return elements;
    }
}
