using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BaaS.Auth.Tokens;

/// <summary>
/// Issues and checks access tokens: JWTs signed with the <see cref="JwtKeyRing"/>'s key, carrying
/// <c>sub</c>, <c>name</c>, <c>email</c>, one <c>role</c> per role, one <c>perm</c> per permission and the session
/// (<c>sid</c>). Checking accepts only the configured algorithm, issuer and audience, a valid signature and an
/// unexpired lifetime by the app's <see cref="TimeProvider"/>; <c>alg: none</c> is never accepted. Whether a token that
/// passes was revoked since is the <see cref="AccessTokenDenyList"/>'s to say, on every request.
/// </summary>
/// <remarks>A token's payload: <c>{"sub":"0192...","name":"ann","email":"ann@x.io","role":["Customer"],"sid":"9f...","jti":"...","iat":1700000000,"nbf":...,"exp":...,"iss":"baas","aud":"baas"}</c></remarks>
internal sealed class AccessTokens
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, SetDefaultTimesOnTokenCreation = false };
    private readonly AuthKeyProvider _keys;
    private readonly JwtOptions _options;
    private readonly TimeProvider _clock;
    private readonly ValidatedTokens _validated;
    private TokenValidationParameters? _parameters;

    public AccessTokens(AuthKeyProvider keys, IOptions<AuthOptions> options, TimeProvider clock)
    {
        _keys = keys;
        _options = options.Value.Jwt;
        _clock = clock;
        _validated = new ValidatedTokens(clock);
    }

    public (string Token, DateTime ExpiresAt) Create(AuthUserInfo user, Guid sessionId, string? authMethod = null)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var expires = now + _options.AccessTokenLifetime;
        var claims = new List<Claim>
        {
            new(AuthClaims.UserId, user.IdText),
            new(AuthClaims.UserName, user.UserName),
            new(AuthClaims.SessionId, sessionId.ToString("N")),
            // A version-7 UUID: unique, and its first 48 bits are the issue time in milliseconds, finer than iat's
            // seconds, which the deny list's cut-offs compare with (AccessTokenSubject.IssuedAtOf).
            new("jti", Guid.CreateVersion7(_clock.GetUtcNow()).ToString("N")),
        };
        if (user.Email is not null) claims.Add(new Claim(AuthClaims.Email, user.Email));
        if (authMethod is not null) claims.Add(new Claim(AuthClaims.AuthMethod, authMethod));
        claims.AddRange(user.Roles.Select(r => new Claim(AuthClaims.Role, r)));
        claims.AddRange(user.Permissions.Select(p => new Claim(AuthClaims.Permission, p)));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = _keys.KeyRing.SigningCredentials,
        });
        return (token, expires);
    }

    /// <summary>Checks a token; on success the identity's name is <c>name</c> and its roles are <c>role</c>.</summary>
    public async Task<TokenCheck> ValidateAsync(string token)
    {
        // The same token again (a client sends it with every request): checked once, good until it expires.
        if (_validated.TryGet(token, out var known, out var subject)) return new TokenCheck(known, null, null, subject);
        return await ValidateNewAsync(token).ConfigureAwait(false);
    }

    /// <summary>
    /// The identity (and subject) of a token this node already checked and that is still within its lifetime, found
    /// without copying the token out of the request header; false means it must go through <see cref="ValidateAsync"/>.
    /// Whether it was revoked since is the deny list's to say.
    /// </summary>
    public bool TryGetValidated(ReadOnlySpan<char> token, out ClaimsIdentity? identity, out AccessTokenSubject? subject) =>
        _validated.TryGet(token, out identity, out subject);

    private async Task<TokenCheck> ValidateNewAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, Parameters).ConfigureAwait(false);
        // "crit" names header extensions the receiver must understand (RFC 7515 4.1.11); we understand none.
        if (result.IsValid && result.SecurityToken is JsonWebToken { } jwt && jwt.TryGetHeaderValue<object>("crit", out _))
            return new TokenCheck(null, "InvalidToken", "The access token is not valid: sign in again.");
        if (result.IsValid)
        {
            // A token names its user: without one there is nothing to check it against (nor anyone to act as).
            if (result.SecurityToken is not JsonWebToken valid || AccessTokenSubject.From(valid) is not { } subject)
                return new TokenCheck(null, "InvalidToken", "The access token is not valid: sign in again.");
            if (valid.ValidTo != DateTime.MinValue)
                _validated.Add(token, result.ClaimsIdentity, subject, new DateTimeOffset(DateTime.SpecifyKind(valid.ValidTo, DateTimeKind.Utc)) + _options.ClockSkew);
            return new TokenCheck(result.ClaimsIdentity, null, null, subject);
        }
        return result.Exception switch
        {
            SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException when IsExpired(token) =>
                new TokenCheck(null, "TokenExpired", "The access token has expired: get a new one with GetAccessToken, or sign in again."),
            _ => new TokenCheck(null, "InvalidToken", "The access token is not valid: sign in again."),
        };
    }

    private bool IsExpired(string token)
    {
        try
        {
            var jwt = new JsonWebToken(token);
            return jwt.ValidTo != DateTime.MinValue && jwt.ValidTo + _options.ClockSkew <= _clock.GetUtcNow().UtcDateTime;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private TokenValidationParameters Parameters => _parameters ??= new TokenValidationParameters
    {
        ValidIssuer = _options.Issuer,
        ValidAudience = _options.Audience,
        IssuerSigningKey = _keys.KeyRing.Key,
        ValidAlgorithms = [_keys.KeyRing.Algorithm],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateIssuerSigningKey = true,
        ValidateLifetime = true,
        ClockSkew = _options.ClockSkew,
        // Lifetimes are judged by the app's clock (TimeProvider), like everything else in auth.
        LifetimeValidator = (notBefore, expires, _, p) =>
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            if (expires is null) return false;
            if (notBefore is { } nbf && nbf > now + p.ClockSkew) return false;
            return expires.Value + p.ClockSkew > now;
        },
        NameClaimType = AuthClaims.UserName,
        RoleClaimType = AuthClaims.Role,
        AuthenticationType = AuthDefaults.Scheme,
    };
}

/// <summary>The outcome of checking a token: an identity (with the access token's subject), or an error code and message.</summary>
internal sealed record TokenCheck(ClaimsIdentity? Identity, string? ErrorCode, string? Message, AccessTokenSubject? Subject = null);
