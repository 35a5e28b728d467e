using System.Security.Cryptography;
using System.Text;
using BaaS.Data;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BaaS.Auth.Tokens;

/// <summary>
/// Refresh tokens: 32 random bytes (base64url) given to the client, their SHA-256 stored. Every token of a sign-in
/// shares a family (the session). A token is spent once, atomically (<c>UPDATE ... SET used_at = @now WHERE id = @id
/// AND used_at IS NULL AND revoked_at IS NULL</c>), and replaced by a successor in the same transaction; presenting a
/// spent token after <see cref="JwtOptions.RefreshTokenReuseInterval"/> revokes the whole family. Revoking ends the
/// session's access tokens too: a revoked family's session, or every session of a user from that moment, goes on the
/// <see cref="AccessTokenDenyList"/> once the database has it.
/// </summary>
internal sealed class RefreshTokens(IDbConnectionFactory dbFactory, TimeProvider clock, IOptions<AuthOptions> options, AccessTokenDenyList denyList)
{
    private readonly JwtOptions _jwt = options.Value.Jwt;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<IssuedRefreshToken> IssueAsync(DataConnection db, Guid userId, Guid familyId, string? authProvider, bool persistent, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var record = new BaaSRefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = Hash(token),
            AuthProvider = authProvider,
            Persistent = persistent,
            CreatedAt = now,
            ExpiresAt = now + _jwt.RefreshTokenLifetime,
        };
        await db.InsertAsync(record, ct).ConfigureAwait(false);
        return new IssuedRefreshToken(token, record);
    }

    /// <summary>
    /// Deletes the refresh tokens that have expired (spent, revoked or unused alike) and answers how many:
    /// <c>DELETE FROM baas_refresh_token WHERE expires_at &lt; @now</c>.
    /// </summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.OpenAsync(ct).ConfigureAwait(false);
        return await db.DeleteAsync<BaaSRefreshToken>(t => t.ExpiresAt < now, ct).ConfigureAwait(false);
    }

    /// <summary>Spends <paramref name="token"/> and issues its successor, or says why it cannot.</summary>
    public async Task<RefreshOutcome> RotateAsync(string token, CancellationToken ct)
    {
        var hash = Hash(token);
        await using var db = await dbFactory.OpenAsync(ct).ConfigureAwait(false);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var record = await db.SingleAsync<BaaSRefreshToken>(t => t.TokenHash == hash, ct).ConfigureAwait(false);
            if (record is null) return new RefreshOutcome(RefreshStatus.Invalid, null, null);
            if (record.RevokedAt is not null) return new RefreshOutcome(RefreshStatus.Revoked, record, null);
            if (record.ExpiresAt <= now) return new RefreshOutcome(RefreshStatus.Expired, record, null);
            if (record.UsedAt is { } usedAt)
            {
                if (now - usedAt <= _jwt.RefreshTokenReuseInterval) return new RefreshOutcome(RefreshStatus.ReusedWithinGrace, record, null);
                await RevokeFamilyAsync(db, record.UserId, record.FamilyId, ct).ConfigureAwait(false);
                return new RefreshOutcome(RefreshStatus.Reused, record, null);
            }

            await using var tx = await db.OpenTransactionAsync(ct).ConfigureAwait(false);
            var id = record.Id;
            var spent = await db.UpdateOnlyAsync(() => new BaaSRefreshToken { UsedAt = now },
                t => t.Id == id && t.UsedAt == null && t.RevokedAt == null, ct).ConfigureAwait(false);
            if (spent == 0)
            {
                // Another request spent or revoked it between the read and the update: judge it again as it now is.
                await tx.RollbackAsync(ct).ConfigureAwait(false);
                continue;
            }
            var next = await IssueAsync(db, record.UserId, record.FamilyId, record.AuthProvider, record.Persistent, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return new RefreshOutcome(RefreshStatus.Rotated, record, next);
        }
        return new RefreshOutcome(RefreshStatus.Reused, null, null);
    }

    /// <summary>The family of <paramref name="token"/>, whatever its state, or null for an unknown token.</summary>
    public async Task<BaaSRefreshToken?> FindAsync(string token, CancellationToken ct)
    {
        var hash = Hash(token);
        await using var db = await dbFactory.OpenAsync(ct).ConfigureAwait(false);
        return await db.SingleAsync<BaaSRefreshToken>(t => t.TokenHash == hash, ct).ConfigureAwait(false);
    }

    /// <summary>Ends the session <paramref name="familyId"/> of the user: its refresh tokens, then its access tokens.</summary>
    public async Task<int> RevokeFamilyAsync(Guid userId, Guid familyId, CancellationToken ct)
    {
        await using var db = await dbFactory.OpenAsync(ct).ConfigureAwait(false);
        return await RevokeFamilyAsync(db, userId, familyId, ct).ConfigureAwait(false);
    }

    private async Task<int> RevokeFamilyAsync(DataConnection db, Guid userId, Guid familyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.UpdateOnlyAsync(() => new BaaSRefreshToken { RevokedAt = now }, t => t.FamilyId == familyId && t.RevokedAt == null, ct)
            .ConfigureAwait(false);
        // Not cancelled with the request: once the database has the revocation, the access tokens must follow it.
        await denyList.RevokeSessionsAsync(userId, [familyId], CancellationToken.None).ConfigureAwait(false);
        return revoked;
    }

    /// <summary>
    /// Ends every session of the user, except <paramref name="keepFamily"/> when given: their refresh tokens, then every
    /// access token the user holds from before now (the kept session's excepted).
    /// </summary>
    public async Task<int> RevokeAllAsync(DataConnection db, Guid userId, Guid? keepFamily, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = keepFamily is { } keep
            ? await db.UpdateOnlyAsync(() => new BaaSRefreshToken { RevokedAt = now },
                t => t.UserId == userId && t.FamilyId != keep && t.RevokedAt == null, ct).ConfigureAwait(false)
            : await db.UpdateOnlyAsync(() => new BaaSRefreshToken { RevokedAt = now }, t => t.UserId == userId && t.RevokedAt == null, ct)
                .ConfigureAwait(false);
        await denyList.RevokeUserAsync(userId, keepFamily, CancellationToken.None).ConfigureAwait(false);
        return revoked;
    }
}

/// <summary>A refresh token as given to the client, and its row.</summary>
internal sealed record IssuedRefreshToken(string Token, BaaSRefreshToken Record);

/// <summary>What became of a refresh token presented for rotation.</summary>
internal enum RefreshStatus
{
    Rotated,
    ReusedWithinGrace,
    Invalid,
    Expired,
    Revoked,
    Reused,
}

/// <summary>The outcome of <see cref="RefreshTokens.RotateAsync"/>: the spent row and, when rotated, its successor.</summary>
internal sealed record RefreshOutcome(RefreshStatus Status, BaaSRefreshToken? Spent, IssuedRefreshToken? Next);
