using Microsoft.Extensions.Logging;

namespace BaaS.Auth.Codes;

/// <summary>The one-time codes' log messages (auth's event ids 2060-2069). Never the code, never an address.</summary>
internal static partial class OneTimeCodeLog
{
    [LoggerMessage(EventId = 2060, Level = LogLevel.Information, Message = "One-time code ({Purpose}) issued for {Subject}")]
    public static partial void CodeIssued(ILogger logger, OneTimeCodePurpose purpose, string subject);

    [LoggerMessage(EventId = 2061, Level = LogLevel.Warning, Message = "One-time code ({Purpose}) of {Subject} voided after {Attempts} wrong attempts")]
    public static partial void CodeVoided(ILogger logger, OneTimeCodePurpose purpose, string subject, int attempts);

    [LoggerMessage(EventId = 2062, Level = LogLevel.Information, Message = "User {UserId} signed in with an emailed code")]
    public static partial void SignedIn(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 2063, Level = LogLevel.Information, Message = "User {UserId} confirmed their email address with a code")]
    public static partial void EmailConfirmed(ILogger logger, Guid userId);
}
