using BaaS;

namespace MyApp;

/// <summary>
/// In Development, reads secrets from <c>MyApp/.env</c> (git-ignored; copy <c>.env.example</c>), before any other
/// module reads configuration. Real environment variables win over the file; elsewhere the file is not read.
/// </summary>
public class ConfigureDotEnv : IStartupModule
{
    public int Order => -1000;

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:auth-dotenv
        if (builder.Environment.IsDevelopment())
            builder.Configuration.AddDotEnvFile(Path.Combine(builder.Environment.ContentRootPath, ".env"));
        #endregion
    }
}
