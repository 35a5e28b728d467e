using BaaS.Auth.ApiKeys;
using BaaS.Data;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Services;

/// <summary>Users' own API keys, and every key for administrators (the DTOs' attributes say who may call).</summary>
internal sealed class ApiKeyServices(ApiKeyStore store, IOptions<AuthOptions> options, TimeProvider clock) : Service
{
    public async Task<CreateApiKeyResponse> Post(CreateUserApiKey request)
    {
        if (User.GetApiKeyId() is not null)
            throw HttpError.Forbidden("API keys are created by a signed-in user, not with another API key.", "ApiKeyCannotCreateKeys");
        var userId = Guid.Parse(User.GetUserId()!);
        var settings = options.Value.ApiKeys;
        return await CreateAsync(userId, User.GetUserName(), request.Name, request.Scopes, request.ExpiresAt, settings.UserScopes, "users' own keys").ConfigureAwait(false);
    }

    public async Task<QueryResponse<ApiKeyInfo>> Get(QueryUserApiKeys request)
    {
        var userId = Guid.Parse(User.GetUserId()!);
        return await QueryAsync(request.Skip, request.Take, userId).ConfigureAwait(false);
    }

    public async Task<EmptyResponse> Post(RevokeUserApiKey request)
    {
        var userId = Guid.Parse(User.GetUserId()!);
        await RevokeAsync(request.Id, userId).ConfigureAwait(false);
        return new EmptyResponse();
    }

    public async Task<CreateApiKeyResponse> Post(AdminCreateApiKey request)
    {
        var userId = AuthValidation.UserId(request.UserId, nameof(AdminCreateApiKey.UserId));
        var db = await OpenDbAsync().ConfigureAwait(false);
        var user = await db.SingleByIdAsync<BaaSUser>(userId, CancellationToken).ConfigureAwait(false)
            ?? throw HttpError.NotFound($"There is no user with id {userId}.", "UserNotFound");
        return await CreateAsync(userId, user.UserName, request.Name, request.Scopes, request.ExpiresAt, options.Value.ApiKeys.Scopes, "this app").ConfigureAwait(false);
    }

    public async Task<QueryResponse<ApiKeyInfo>> Get(AdminQueryApiKeys request)
    {
        Guid? userId = request.UserId is null ? null : AuthValidation.UserId(request.UserId, nameof(AdminQueryApiKeys.UserId));
        return await QueryAsync(request.Skip, request.Take, userId).ConfigureAwait(false);
    }

    public async Task<EmptyResponse> Post(AdminRevokeApiKey request)
    {
        await RevokeAsync(request.Id, null).ConfigureAwait(false);
        return new EmptyResponse();
    }

    private async Task<CreateApiKeyResponse> CreateAsync(Guid userId, string? userName, string? name, List<string>? scopes, DateTime? expiresAt,
        List<string> allowedScopes, string scopeOwner)
    {
        var keyName = AuthValidation.Required(name, nameof(CreateUserApiKey.Name));
        if (keyName.Length > 200) throw HttpError.Validation(nameof(CreateUserApiKey.Name), "TooLong", "'Name' must be 200 characters or fewer.");
        var chosen = new List<string>();
        foreach (var scope in scopes ?? [])
        {
            var match = allowedScopes.FirstOrDefault(s => string.Equals(s, scope?.Trim(), StringComparison.Ordinal))
                ?? throw HttpError.Validation(nameof(CreateUserApiKey.Scopes), "UnknownScope",
                    $"'{scope}' is not a scope of {scopeOwner} (scopes: {(allowedScopes.Count == 0 ? "none" : string.Join(", ", allowedScopes))}).");
            if (!chosen.Contains(match)) chosen.Add(match);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = expiresAt?.ToUniversalTime() ?? (options.Value.ApiKeys.DefaultLifetime is { } lifetime ? now + lifetime : null);
        if (expires is { } e && e <= now) throw HttpError.Validation(nameof(CreateUserApiKey.ExpiresAt), "InPast", "'ExpiresAt' must be in the future.");

        var db = await OpenDbAsync().ConfigureAwait(false);
        var active = await db.CountAsync<BaaSApiKey>(k => k.UserId == userId && k.RevokedAt == null, CancellationToken).ConfigureAwait(false);
        if (active >= options.Value.ApiKeys.MaxKeysPerUser)
            throw HttpError.Conflict($"The user has {active} API keys, the most allowed: revoke one first.", "TooManyApiKeys");
        var (key, row) = await store.CreateAsync(db, userId, keyName, chosen, expires, CancellationToken).ConfigureAwait(false);
        return new CreateApiKeyResponse { Key = key, Result = ApiKeyStore.ToInfo(row, userName) };
    }

    private async Task<QueryResponse<ApiKeyInfo>> QueryAsync(int? skip, int? take, Guid? userId)
    {
        var (offset, count) = AuthValidation.Paging(skip, take);
        var db = await OpenDbAsync().ConfigureAwait(false);
        var query = db.From<BaaSApiKey>();
        if (userId is { } id) query.Where(k => k.UserId == id);
        var total = await db.CountAsync(query, CancellationToken).ConfigureAwait(false);
        query.OrderByDescending(k => k.Id).Skip(offset).Take(count);
        var rows = await db.SelectAsync(query, CancellationToken).ConfigureAwait(false);
        var ownerIds = rows.Select(r => r.UserId).Distinct().ToList();
        var names = ownerIds.Count == 0 ? [] : (await db.SelectAsync<BaaSUser>(u => ownerIds.Contains(u.Id), CancellationToken).ConfigureAwait(false))
            .ToDictionary(u => u.Id, u => u.UserName);
        return new QueryResponse<ApiKeyInfo>
        {
            Offset = offset,
            Total = (int)total,
            Results = [.. rows.Select(r => ApiKeyStore.ToInfo(r, names.GetValueOrDefault(r.UserId)))],
        };
    }

    private async Task RevokeAsync(long id, Guid? ownerId)
    {
        if (id <= 0) throw HttpError.Validation("Id", "Required", "'Id' is required.");
        var db = await OpenDbAsync().ConfigureAwait(false);
        var row = await db.SingleByIdAsync<BaaSApiKey>(id, CancellationToken).ConfigureAwait(false);
        // Someone else's key answers like a missing one: no hint that it exists.
        if (row is null || (ownerId is { } owner && row.UserId != owner)) throw HttpError.NotFound($"There is no API key {id}.", "ApiKeyNotFound");
        if (row.RevokedAt is not null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UpdateOnlyAsync(() => new BaaSApiKey { RevokedAt = now }, k => k.Id == id, CancellationToken).ConfigureAwait(false);
    }
}
