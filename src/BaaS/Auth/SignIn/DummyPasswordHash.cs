using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.SignIn;

/// <summary>
/// A hash of a random password, made once per app with the app's hasher settings, that a sign-in for an unknown user
/// is checked against: the unknown user then costs one verification, like a wrong password for a real one, and nothing
/// grows per attempt. (A cache keyed by the request's hasher made one new hash, twice the work, per unknown sign-in.)
/// </summary>
internal sealed class DummyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    private readonly Lazy<string> _hash = new(() =>
        new PasswordHasher<BaaSUser>(options).HashPassword(new BaaSUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    /// <summary>The hash; made on first use.</summary>
    public string Value => _hash.Value;
}
