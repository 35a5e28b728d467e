using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>
/// The app's configuration cannot work: each of <see cref="Failures"/> is one line naming the setting and what it
/// takes. <see cref="AppCommandExtensions.RunAppAsync"/> prints them (<c>Configuration error: ...</c>) and exits with 1,
/// before any migration or command has written anything.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception from one line per failure.</summary>
    public ConfigurationException(IReadOnlyList<string> failures, Exception? innerException = null)
        : base(string.Join(" ", failures), innerException)
    {
        Failures = failures;
    }

    /// <summary>Creates the exception for one failure.</summary>
    public ConfigurationException(string failure) : this([failure])
    {
    }

    /// <summary>One line per setting that cannot work.</summary>
    public IReadOnlyList<string> Failures { get; }

    /// <summary>
    /// The configuration failures in <paramref name="exception"/>: a <see cref="ConfigurationException"/>, an
    /// <see cref="OptionsValidationException"/> (what <c>ValidateOnStart</c> and <c>IOptions.Value</c> throw), the
    /// configuration binder's refusal of a value that does not convert to its setting's type (an enum, a number, a
    /// time span), or an <see cref="AggregateException"/> of them; null when it holds anything else.
    /// </summary>
    public static ConfigurationException? From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var failures = new List<string>();
        if (!Collect(exception, failures)) return null;
        return exception as ConfigurationException ?? new ConfigurationException(failures.Distinct().ToList(), exception);
    }

    private static bool Collect(Exception exception, List<string> failures)
    {
        switch (exception)
        {
            case ConfigurationException configuration:
                failures.AddRange(configuration.Failures);
                return true;
            case OptionsValidationException validation:
                failures.AddRange(validation.Failures.SelectMany(f => f.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                return true;
            // The configuration binder's own refusal of a value that does not convert to the setting's type: "Failed to
            // convert configuration value 'Ajar' at 'BaaS:Auth:DenyList:FailureMode' to type '...'", the reason inside.
            case InvalidOperationException { InnerException: { } reason } when exception.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                failures.Add($"{exception.Message} {reason.Message}");
                return true;
            case AggregateException aggregate:
                return aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => Collect(e, failures));
            default:
                return false;
        }
    }
}
