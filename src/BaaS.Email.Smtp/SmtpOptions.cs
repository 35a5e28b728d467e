namespace BaaS.Email.Smtp;

/// <summary>
/// The SMTP server and sender (the <c>Smtp</c> section: <c>Smtp:Host</c>, <c>Smtp__Host</c> in the environment). The
/// password belongs in the environment or a secret store (<c>Smtp__Password</c>; in Development <c>MyApp/.env</c>),
/// never in a committed appsettings file. Checked at startup by <see cref="SmtpOptionsValidator"/>.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The server's host name or address. Empty: no SMTP sender is registered.</summary>
    public string? Host { get; set; }

    /// <summary>The server's port. Default: 465 with <see cref="SmtpSecurity.SslOnConnect"/>, else 587.</summary>
    public int? Port { get; set; }

    /// <summary>The account to sign in with; none: the server is used without signing in.</summary>
    public string? UserName { get; set; }

    /// <summary>The account's password (from the environment: <c>Smtp__Password</c>).</summary>
    public string? Password { get; set; }

    /// <summary>The sender: an address (<c>noreply@example.com</c>) or a name and an address (<c>MyApp &lt;noreply@example.com&gt;</c>).</summary>
    public string? From { get; set; }

    /// <summary>The sender's display name, when <see cref="From"/> is a bare address.</summary>
    public string? FromName { get; set; }

    /// <summary>How the connection is protected. Default: <see cref="SmtpSecurity.StartTls"/>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>How long one network step (connect, a command, the message) may take. Default: 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether emails go on the app's durable job queue (BaaS.Jobs) and are sent in the background with retries, rather
    /// than during the request. Default (unset): queued when the app has jobs (<c>AddBaaSJobs</c>), sent at once otherwise.
    /// <c>true</c> without jobs fails startup.
    /// </summary>
    public bool? Queue { get; set; }

    /// <summary>How many times a queued email is tried again after a failure (with the jobs' backoff). Default: 8.</summary>
    public int QueueRetryLimit { get; set; } = 8;

    /// <summary>The port used: <see cref="Port"/>, else 465 for <see cref="SmtpSecurity.SslOnConnect"/>, else 587.</summary>
    public int EffectivePort => Port ?? (Security == SmtpSecurity.SslOnConnect ? 465 : 587);
}
