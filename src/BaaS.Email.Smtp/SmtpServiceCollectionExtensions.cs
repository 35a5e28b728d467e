using BaaS.Email.Smtp;
using BaaS.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>Registers the SMTP email sender.</summary>
public static class SmtpServiceCollectionExtensions
{
    /// <summary>
    /// Sends the platform's emails (auth's confirmation and reset links, the app's own) through SMTP when
    /// <paramref name="configuration"/> (the <c>Smtp</c> section) names a <c>Host</c>; without one it registers nothing
    /// and the default sender stays (in Development it writes each email to the log). Before or after <c>AddBaaSAuth</c>.
    /// With jobs (<c>AddBaaSJobs</c>) emails are queued and sent in the background with retries, unless <c>Smtp:Queue</c>
    /// is false. The settings are checked at startup (<see cref="SmtpOptionsValidator"/>).
    /// </summary>
    /// <returns>The services; <see cref="IEmailSender"/> is the SMTP sender (or its queue) when a host is configured.</returns>
    public static IServiceCollection AddBaaSSmtp(this IServiceCollection services, IConfiguration configuration, Action<SmtpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration["Host"])) return services;

        var options = services.AddOptions<SmtpOptions>().Bind(configuration);
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>());

        services.AddDataProtection();
        services.TryAddSingleton<SmtpEmailSender>();
        services.TryAddSingleton<EmailSeal>();
        services.TryAddSingleton<QueuedEmailSender>();
        services.AddBaaSJobCommand<SendQueuedEmailCommand>();
        services.RemoveAll<IEmailSender>();
        services.AddSingleton<IEmailSender>(sp => Queues(sp) ? sp.GetRequiredService<QueuedEmailSender>() : sp.GetRequiredService<SmtpEmailSender>());
        services.RemoveAll<EmailSenderDescription>();
        services.AddSingleton(sp => new EmailSenderDescription("smtp", Queues(sp)));
        services.AddHostedService<SmtpStartup>();
        return services;
    }

    /// <summary>Whether emails go through the jobs queue: <see cref="SmtpOptions.Queue"/>, else whether the app has jobs.</summary>
    internal static bool Queues(IServiceProvider services) =>
        services.GetRequiredService<IOptions<SmtpOptions>>().Value.Queue
        ?? services.GetService<IServiceProviderIsService>()?.IsService(typeof(IBackgroundJobs)) == true;
}
