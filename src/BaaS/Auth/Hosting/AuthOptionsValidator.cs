using BaaS.Auth.OAuth;
using BaaS.Auth.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Hosting;

/// <summary>
/// Refuses auth settings that cannot work before the app writes anything (it runs with the other options validators,
/// ahead of migrations): the signing key (missing outside Development, too short, an unreadable key file), token
/// lifetimes and intervals, the data-protection key certificate, OAuth providers missing a setting, and (outside Development)
/// <c>RequireConfirmedEmail</c> with no email sender to send the links. Each failure is one line naming the setting.
/// </summary>
internal sealed class AuthOptionsValidator(IServiceProvider services) : IValidateOptions<AuthOptions>
{
    // Optional: a container without a host (a test, a tool) has no environment, and no key to check either.
    private readonly IHostEnvironment? _environment = services.GetService<IHostEnvironment>();

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Jwt.Problems().ToList();
        try
        {
            // The same construction the app signs with later; in Development without a key it makes a throwaway one.
            if (_environment is not null) _ = JwtKeyRing.Create(options.Jwt, _environment, NullLogger.Instance);
        }
        catch (InvalidOperationException e)
        {
            failures.Add(e.Message);
        }
        try
        {
            using var certificate = KeyEncryptionCertificate.Load(options.DataProtection);
        }
        catch (InvalidOperationException e)
        {
            failures.Add(e.Message);
        }
        if (options.RequireConfirmedEmail && _environment is { } environment && !environment.IsDevelopment() &&
            services.GetService<IEmailSender>() is Email.LogEmailSender)
            failures.Add($"Auth:RequireConfirmedEmail is true but no email sender is configured: in {environment.EnvironmentName} no confirmation " +
                "link would ever be sent, so nobody who registers could sign in. Set Smtp:Host (environment variable Smtp__Host, with Smtp__From, " +
                "Smtp__UserName and Smtp__Password; see docs/email.md) or register an IEmailSender.");
        foreach (var (provider, settings) in options.OAuth)
            if (OAuthProviders.ProblemOf(provider, settings) is { } problem) failures.Add(problem);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
