using BaaS;

namespace MyApp;

/// <summary>
/// Email: through SMTP when <c>Smtp:Host</c> is set (environment <c>Smtp__Host</c>, <c>Smtp__From</c>,
/// <c>Smtp__UserName</c>, <c>Smtp__Password</c>; in Development also <c>MyApp/.env</c>), queued on MyApp's jobs and
/// retried while the server is away; without it, Development writes each email to the log. See docs/email.md.
/// </summary>
public class ConfigureEmail : IStartupModule
{
    /// <summary>With auth and jobs (-50): the order does not matter to the registration, only that all three run.</summary>
    public int Order => -40;

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:email-configure
        builder.Services.AddBaaSSmtp(builder.Configuration.GetSection("Smtp"));
        #endregion
    }
}
