using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Codes;

/// <summary>
/// Refuses <c>Auth:SignInCodes</c> settings that cannot work, with the other options checks before the app writes
/// anything: a lifetime that is not positive, fewer than one attempt, a negative resend interval, and (outside
/// Development) <c>Enabled: true</c> with no email sender, where nobody would ever receive a code.
/// </summary>
internal sealed class SignInCodeOptionsValidator(IServiceProvider services) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.SignInCodes.Problems().ToList();
        if (options.SignInCodes.Enabled == true && services.GetService<IHostEnvironment>() is { } environment && !environment.IsDevelopment() &&
            services.GetService<IEmailSender>() is Email.LogEmailSender)
            failures.Add($"Auth:SignInCodes:Enabled is true but no email sender is configured: in {environment.EnvironmentName} no code would ever " +
                "reach anyone. Set Smtp:Host (environment variable Smtp__Host, with Smtp__From, Smtp__UserName and Smtp__Password; see docs/email.md), " +
                "register an IEmailSender, or leave Auth:SignInCodes:Enabled unset (on only when email can be sent).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
