using System.Buffers.Binary;
using BaaS.Auth;
using BaaS.Auth.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BaaS.Tests.Auth;

/// <summary>
/// An unknown user's sign-in is checked against one hash made once per app with the app's settings: one verification,
/// like a wrong password for a real user, and nothing that grows per attempt.
/// </summary>
public class DummyPasswordHashTests
{
    [Fact]
    public void One_hash_per_app_made_with_the_configured_iterations_that_no_password_matches()
    {
        var services = new ServiceCollection().AddLogging().AddBaaSAuth(null, o => o.PasswordHashIterations = 1_234);
        using var provider = services.BuildServiceProvider();

        string value;
        using (var scope = provider.CreateScope()) value = scope.ServiceProvider.GetRequiredService<DummyPasswordHash>().Value;
        using (var scope = provider.CreateScope()) Assert.Same(value, scope.ServiceProvider.GetRequiredService<DummyPasswordHash>().Value);

        // Identity's v3 format: a marker byte, then the PRF, then the iteration count, big-endian.
        var bytes = Convert.FromBase64String(value);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(1_234u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)));

        var hasher = new PasswordHasher<BaaSUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>());
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new BaaSUser(), value, "a guess"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new BaaSUser(), value, ""));
    }
}
