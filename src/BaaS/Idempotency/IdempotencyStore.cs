using BaaS.Data;

namespace BaaS.Idempotency;

/// <summary>
/// The keys in the app's database (<c>baas_idempotency</c>, created on first use): claims are inserted and released
/// on connections of their own, completions are written in the request's transaction, so a key is completed exactly
/// when what the request wrote commits. Every node shares the table, so keys hold across nodes.
/// </summary>
internal sealed class IdempotencyStore(IDbConnectionFactory factory, IdempotencyOptions options, TimeProvider clock)
{
    // Any constant: the PostgreSQL advisory lock nodes take while they create the table.
    private const long SchemaLockKey = 0x6261_6173_6964_656d; // "baasidem"
    private const string InProgress = "InProgress";
    private const string Completed = "Completed";

    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _ready;
    private long _lastCleanupTicks;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>What a claim found.</summary>
    public enum Outcome
    {
        /// <summary>The key is this request's now (<see cref="Claim.Token"/>).</summary>
        Claimed,
        /// <summary>The key completed: <see cref="Claim.StatusCode"/> and <see cref="Claim.Body"/> are its answer.</summary>
        Completed,
        /// <summary>Another request holds the key.</summary>
        InProgress,
        /// <summary>The key was used with another operation or request.</summary>
        Mismatch,
    }

    /// <summary>A claim's outcome.</summary>
    public readonly record struct Claim(Outcome Outcome, string? Token = null, int StatusCode = 0, string? Body = null);

    /// <summary>Claims <paramref name="key"/> of <paramref name="scope"/> for a request, or says why not.</summary>
    public async Task<Claim> ClaimAsync(string scope, string key, string operation, string fingerprint, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        await CleanupIfDueAsync(db, ct).ConfigureAwait(false);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = Now;
            // Read first: a retry or a duplicate is answered without writing (on SQLite, without waiting for the writer).
            var row = (await db.SqlListAsync<IdempotencyRecord>(
                "SELECT * FROM baas_idempotency WHERE scope = @scope AND idempotency_key = @key", new { scope, key }, ct).ConfigureAwait(false))
                .FirstOrDefault();
            var token = Guid.NewGuid().ToString("N");
            if (row is null)
            {
                var inserted = await db.ExecuteSqlAsync("""
                    INSERT INTO baas_idempotency (scope, idempotency_key, operation, fingerprint, state, token, claimed_at, expires_at)
                    VALUES (@scope, @key, @operation, @fingerprint, @inProgress, @token, @now, @expires)
                    ON CONFLICT (scope, idempotency_key) DO NOTHING
                    """, new { scope, key, operation, fingerprint, inProgress = InProgress, token, now, expires = now + options.Expiry }, ct).ConfigureAwait(false);
                if (inserted == 1) return new Claim(Outcome.Claimed, token);
                continue; // another call claimed it meanwhile: read its claim
            }
            if (row.ExpiresAt <= now)
            {
                await db.ExecuteSqlAsync("DELETE FROM baas_idempotency WHERE id = @id AND token = @token", new { id = row.Id, token = row.Token }, ct)
                    .ConfigureAwait(false);
                continue;
            }
            if (row.Operation != operation || row.Fingerprint != fingerprint) return new Claim(Outcome.Mismatch);
            if (row.State == Completed) return new Claim(Outcome.Completed, StatusCode: row.StatusCode ?? 200, Body: row.ResponseBody);
            if (row.ClaimedAt > now - options.InProgressTimeout) return new Claim(Outcome.InProgress);
            // Left in progress by a process that died: nothing it wrote committed (the completion would have), take it over.
            var taken = await db.ExecuteSqlAsync("""
                UPDATE baas_idempotency SET token = @token, claimed_at = @now, expires_at = @expires
                WHERE id = @id AND token = @old AND state = @inProgress
                """, new { token, now, expires = now + options.Expiry, id = row.Id, old = row.Token, inProgress = InProgress }, ct).ConfigureAwait(false);
            if (taken == 1) return new Claim(Outcome.Claimed, token);
        }
        return new Claim(Outcome.InProgress);
    }

    /// <summary>
    /// Completes the claim with the answer, on <paramref name="db"/> in the request's open transaction; false when the
    /// claim was lost (taken over after <see cref="IdempotencyOptions.InProgressTimeout"/>).
    /// </summary>
    public async Task<bool> CompleteAsync(DataConnection db, string scope, string key, string token, int statusCode, string? body, CancellationToken ct)
    {
        var now = Now;
        var updated = await db.ExecuteSqlAsync("""
            UPDATE baas_idempotency SET state = @completed, status_code = @statusCode, response_body = @body, completed_at = @now, expires_at = @expires
            WHERE scope = @scope AND idempotency_key = @key AND token = @token AND state = @inProgress
            """, new { completed = Completed, statusCode, body, now, expires = now + options.Expiry, scope, key, token, inProgress = InProgress }, ct)
            .ConfigureAwait(false);
        return updated == 1;
    }

    /// <summary>Releases a claim whose request failed, so a retry runs again.</summary>
    public async Task ReleaseAsync(string scope, string key, string token)
    {
        await using var db = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await db.ExecuteSqlAsync("DELETE FROM baas_idempotency WHERE scope = @scope AND idempotency_key = @key AND token = @token AND state = @inProgress",
            new { scope, key, token, inProgress = InProgress }).ConfigureAwait(false);
    }

    /// <summary>Deletes expired keys, at most once per <see cref="IdempotencyOptions.CleanupInterval"/> per node.</summary>
    private async Task CleanupIfDueAsync(DataConnection db, CancellationToken ct)
    {
        var now = Now;
        var last = Interlocked.Read(ref _lastCleanupTicks);
        if (now.Ticks - last < options.CleanupInterval.Ticks || Interlocked.CompareExchange(ref _lastCleanupTicks, now.Ticks, last) != last) return;
        await db.ExecuteSqlAsync("DELETE FROM baas_idempotency WHERE expires_at <= @now", new { now }, ct).ConfigureAwait(false);
    }

    /// <summary>Deletes every expired key now (what the periodic cleanup does); answers how many.</summary>
    public async Task<int> CleanupAsync(CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        return await db.ExecuteSqlAsync("DELETE FROM baas_idempotency WHERE expires_at <= @now", new { now = Now }, ct).ConfigureAwait(false);
    }

    private async Task<DataConnection> OpenAsync(CancellationToken ct)
    {
        var db = await factory.OpenAsync(ct).ConfigureAwait(false);
        try
        {
            if (!_ready) await EnsureTableAsync(db, ct).ConfigureAwait(false);
            return db;
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task EnsureTableAsync(DataConnection db, CancellationToken ct)
    {
        await _schemaLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_ready) return;
            await using (var tx = await db.OpenTransactionAsync(ct).ConfigureAwait(false))
            {
                if (db.Dialect.Capabilities.AdvisoryLocks)
                    await db.ExecuteSqlAsync(db.Dialect.AdvisoryTransactionLockSql("key"), new { key = SchemaLockKey }, ct).ConfigureAwait(false);
                await db.CreateTableIfNotExistsAsync<IdempotencyRecord>(ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
            }
            _ready = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }
}
