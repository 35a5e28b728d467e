using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Tokens;

/// <summary>Makes the <see cref="JwtKeyRing"/> once, at startup (a hosted service asks for it) or on first use.</summary>
internal sealed class AuthKeyProvider(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<AuthKeyProvider> logger)
{
    private readonly Lazy<JwtKeyRing> _ring = new(() => JwtKeyRing.Create(options.Value.Jwt, environment, logger));

    public JwtKeyRing KeyRing => _ring.Value;
}
