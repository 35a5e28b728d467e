using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BaaS.Auth.OAuth;

/// <summary>
/// What a sign-in must remember between the redirect to the provider and the callback: the state, the PKCE verifier,
/// the nonce and where to return. Kept in one short-lived HttpOnly cookie, encrypted and signed with ASP.NET Core
/// data protection (so it works on any node sharing the key ring), compared in constant time on the way back.
/// </summary>
internal sealed class OAuthState(IDataProtectionProvider protection, IOptions<AuthOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    public const string CookieName = "baas-oauth";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly IDataProtector _protector = protection.CreateProtector("BaaS.Auth.OAuth.State.v1");
    private readonly bool _secure = options.Value.Cookies.Secure ?? !environment.IsDevelopment();

    public static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public void Save(HttpContext context, Pending pending)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(pending with { ExpiresAt = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds() });
        context.Response.Cookies.Append(CookieName, Base64UrlEncoder.Encode(_protector.Protect(json)), new CookieOptions
        {
            HttpOnly = true,
            Secure = _secure,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>The pending sign-in, when the cookie is there, intact and not expired; the cookie is removed either way.</summary>
    public Pending? Take(HttpContext context)
    {
        var value = context.Request.Cookies[CookieName];
        context.Response.Cookies.Append(CookieName, "", new CookieOptions { HttpOnly = true, Secure = _secure, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = TimeSpan.Zero });
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            var pending = JsonSerializer.Deserialize<Pending>(_protector.Unprotect(Base64UrlEncoder.DecodeBytes(value)));
            return pending is not null && pending.ExpiresAt > clock.GetUtcNow().ToUnixTimeSeconds() ? pending : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    public static bool SameState(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    /// <summary>A sign-in in progress.</summary>
    public sealed record Pending(string Provider, string State, string Verifier, string Nonce, string? ReturnUrl, long ExpiresAt = 0);
}
