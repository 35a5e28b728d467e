using BaaS;

namespace MyApp;

/// <summary>
/// Safe retries: a POST, PUT, PATCH or DELETE with an <c>Idempotency-Key</c> header runs once per caller and key, and a
/// retry answers the first response (see docs/idempotency.md). MyApp's clients send one with every PlaceOrder. Settings:
/// the <c>Idempotency</c> section binds <see cref="IdempotencyOptions"/> (e.g. <c>Idempotency:Expiry</c>).
/// </summary>
public class ConfigureIdempotency : IStartupModule
{
    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:idempotency-register
        builder.Services.AddIdempotency(options => builder.Configuration.GetSection("Idempotency").Bind(options));
        #endregion
    }
}
