using System.Net;
using BaaS.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BaaS.Email.Smtp;

/// <summary>
/// Refuses SMTP settings that cannot work, at startup, one line per setting: no host or sender, a port outside 1-65535,
/// a timeout that is not positive, a negative retry limit, a user name without a password (or the reverse), a password
/// sent in plain text (<c>Security=None</c>) to a server that is not on this machine, and <c>Queue=true</c> without jobs.
/// </summary>
/// <param name="services">The app's services, to see whether it has jobs.</param>
public sealed class SmtpOptionsValidator(IServiceProvider services) : IValidateOptions<SmtpOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
            failures.Add("Smtp:Host is not set: name the mail server (Smtp__Host=smtp.example.com).");
        if (options.Port is < 1 or > 65535)
            failures.Add($"Smtp:Port is {options.Port}: it must be from 1 to 65535 (587 for STARTTLS, 465 for SslOnConnect).");
        if (SmtpMessages.ParseFrom(options).Problem is { } from) failures.Add(from);
        if (options.Timeout <= TimeSpan.Zero)
            failures.Add($"Smtp:Timeout is {options.Timeout}: it must be positive, such as 00:00:30.");
        if (options.QueueRetryLimit < 0)
            failures.Add($"Smtp:QueueRetryLimit is {options.QueueRetryLimit}: it must be 0 or more.");
        if (!string.IsNullOrEmpty(options.UserName) && string.IsNullOrEmpty(options.Password))
            failures.Add("Smtp:UserName is set but Smtp:Password is not: set it in the environment (Smtp__Password) or a secret store.");
        if (string.IsNullOrEmpty(options.UserName) && !string.IsNullOrEmpty(options.Password))
            failures.Add("Smtp:Password is set but Smtp:UserName is not: set the account's name (Smtp__UserName).");
        if (options.Security == SmtpSecurity.None && !string.IsNullOrEmpty(options.Password) && !IsLoopback(options.Host))
            failures.Add($"Smtp:Security is None but a password is set: it would cross the network to {options.Host} in plain text. " +
                "Use Security StartTls (port 587) or SslOnConnect (port 465).");
        if (options.Queue == true && services.GetService<IServiceProviderIsService>()?.IsService(typeof(IBackgroundJobs)) != true)
            failures.Add("Smtp:Queue is true but the app has no jobs: call AddBaaSJobs, or leave Smtp:Queue unset to send during the request.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(string? host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
