using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BaaS.Auth;
using BaaS.Data;
using BaaS.Idempotency;
using BaaS.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace BaaS;

/// <summary>
/// Makes a POST, PUT, PATCH or DELETE that carries <c>Idempotency-Key</c> happen at most once per caller and key: the
/// first call claims the key and runs in a transaction on the request's connection (<see cref="RequestDb"/>) in which
/// the key is completed with the answer, so the answer is stored exactly when what the operation wrote commits. A retry
/// then gets that answer again (header <c>Idempotent-Replayed: true</c>) and writes nothing; a call while the first still
/// runs answers 409; the key with another request answers 422; a failed call (4xx/5xx) releases the key. Calls without
/// the header, safe verbs and in-process gateway calls pass straight through.
/// </summary>
internal sealed partial class IdempotencyFilter(IdempotencyStore store, IdempotencyOptions options, ILogger<IdempotencyFilter> logger) : IOperationFilter
{
    private readonly ConcurrentDictionary<(Operation, bool), Type> _replayTypes = new();

    public int Order => FilterOrder.Idempotency;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation) =>
        operation.Invokers.Keys.Any(v => v is "POST" or "PUT" or "PATCH" or "DELETE" or "ANY");

    private static bool IsUnsafe(string verb) => verb is "POST" or "PUT" or "PATCH" or "DELETE";

    public async ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next)
    {
        if (context.Kind == OperationKind.Gateway || !IsUnsafe(context.Verb)
            || !context.HttpContext.Request.Headers.TryGetValue(IdempotencyOptions.HeaderName, out var values))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        if (Invalid(values) is { } invalid)
        {
            context.Fail(invalid);
            return;
        }
        var key = values[0]!;
        if (CheckKey(key) is { } bad)
        {
            context.Fail(bad);
            return;
        }
        var scope = ScopeOf(context);
        var fingerprint = await FingerprintAsync(context.HttpContext.Request, context.RequestAborted).ConfigureAwait(false);
        var claim = await store.ClaimAsync(scope, key, context.Operation.Name, fingerprint, context.RequestAborted).ConfigureAwait(false);
        switch (claim.Outcome)
        {
            case IdempotencyStore.Outcome.Mismatch:
                var reused = new HttpError(StatusCodes.Status422UnprocessableEntity, "IdempotencyKeyReused",
                    "This Idempotency-Key was already used with a different request: send a new key for a new request.");
                reused.FieldErrors.Add(new ResponseError("IdempotencyKeyReused", IdempotencyOptions.HeaderName, reused.Message));
                context.Fail(reused);
                return;
            case IdempotencyStore.Outcome.InProgress:
                context.Fail(HttpError.Conflict("A request with this Idempotency-Key is still in progress: retry it once that one has finished.",
                    "IdempotencyKeyInProgress"));
                return;
            case IdempotencyStore.Outcome.Completed:
                context.HttpContext.Response.Headers[IdempotencyOptions.ReplayedHeaderName] = "true";
                context.Response = Replay(context, claim.StatusCode, claim.Body);
                return;
        }
        await RunClaimedAsync(context, next, scope, key, claim.Token!).ConfigureAwait(false);
    }

    // Runs the operation in a transaction on the request's connection (a batch's own when there is one), completing the
    // key in it; on failure the transaction rolls back and the key is released.
    private async Task RunClaimedAsync(OperationContext context, OperationFilterDelegate next, string scope, string key, string token)
    {
        var http = context.HttpContext;
        var shared = http.Features.Get<RequestDb>();
        var db = shared?.Connection ?? await http.RequestServices.GetRequiredService<IDbConnectionFactory>().OpenAsync(context.RequestAborted).ConfigureAwait(false);
        var completed = false;
        try
        {
            var transaction = db.Transaction is null ? await db.OpenTransactionAsync(context.RequestAborted).ConfigureAwait(false) : null;
            await using (transaction)
            {
                if (shared is null) http.Features.Set(new RequestDb(db));
                try
                {
                    await next(context).ConfigureAwait(false);
                }
                finally
                {
                    if (shared is null) http.Features.Set<RequestDb>(null);
                }
                if (context.Exception is not null || context.StatusCode >= 400) return; // rolled back by the disposal
                try
                {
                    var (status, body) = (context.StatusCode, Serialize(context.Response));
                    if (!await store.CompleteAsync(db, scope, key, token, status, body, CancellationToken.None).ConfigureAwait(false))
                    {
                        context.Fail(HttpError.Conflict("This request's Idempotency-Key was taken over by a retry; nothing of it was stored.",
                            "IdempotencyKeyInProgress"));
                        return;
                    }
                    if (transaction is not null) await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    completed = true;
                }
                catch (Exception e)
                {
                    context.Fail(e);
                }
            }
        }
        finally
        {
            if (shared is null) await db.DisposeAsync().ConfigureAwait(false);
            if (!completed) await ReleaseAsync(scope, key, token).ConfigureAwait(false);
        }
    }

    // A release that fails (the database went away) leaves the claim in progress: retries answer 409 until
    // InProgressTimeout, then take it over. If the write did commit (a commit whose answer was lost), the key is
    // completed, not in progress, so nothing is released and the retry replays the answer.
    private async Task ReleaseAsync(string scope, string key, string token)
    {
        try
        {
            await store.ReleaseAsync(scope, key, token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogReleaseFailed(logger, e, key);
        }
    }

    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning,
        Message = "Could not release Idempotency-Key {Key} after its call failed; retries may take it over after the in-progress timeout")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string key);

    private static HttpError? Invalid(StringValues values)
    {
        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
            return HttpError.Validation(IdempotencyOptions.HeaderName, "InvalidIdempotencyKey", "Send exactly one non-empty Idempotency-Key header.");
        return null;
    }

    private HttpError? CheckKey(string key) =>
        key.Length > options.MaxKeyLength || key.Any(c => c is < ' ' or > '~')
            ? HttpError.Validation(IdempotencyOptions.HeaderName, "InvalidIdempotencyKey",
                $"An Idempotency-Key is at most {options.MaxKeyLength} printable ASCII characters (a UUID is a good one).")
            : null;

    /// <summary>Whose key it is: the API key, else the signed-in user, else anyone anonymous.</summary>
    private static string ScopeOf(OperationContext context)
    {
        var user = context.User;
        if (user.GetApiKeyId() is { } apiKey) return "apikey:" + apiKey.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return user.GetUserId() is { } userId ? "user:" + userId : "anonymous";
    }

    /// <summary>SHA-256 (hex) of the verb, path, query string and body; the body stays readable for binding.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.QueryString}\n"));
        request.EnableBuffering();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0) hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string? Serialize(object? response)
    {
        var value = response is HttpResult result ? result.Response : response;
        return value is null ? null : JsonSerializer.Serialize(value, value.GetType(), JsonProtocol.Options);
    }

    /// <summary>The stored answer as the operation's response type (a batch's: a list of them), so it is written as the first was.</summary>
    private object? Replay(OperationContext context, int statusCode, string? body)
    {
        var type = _replayTypes.GetOrAdd((context.Operation, context.Kind == OperationKind.Batch), k =>
            k.Item1.ResponseType is { } t && t != typeof(object) ? (k.Item2 ? typeof(List<>).MakeGenericType(t) : t) : typeof(JsonElement));
        var value = body is null ? null : JsonSerializer.Deserialize(body, type, JsonProtocol.Options);
        return statusCode == StatusCodes.Status200OK && value is not null ? value : new HttpResult(value, statusCode);
    }
}
