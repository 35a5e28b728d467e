namespace BaaS.Testing;

/// <summary>
/// The test run's SMTP server (aiosmtpd, started by <c>smtp_start</c> in .ci/services.sh): it accepts every message and
/// saves it as a .eml file. <c>BAAS_TEST_SMTP</c> is its <c>host:port</c>, <c>BAAS_TEST_SMTP_DIR</c> the folder of
/// messages; <see cref="Mailbox"/> reads them.
/// </summary>
public sealed class SmtpTestService : TestService
{
    /// <summary>The one instance.</summary>
    public static SmtpTestService Instance { get; } = new();

    private SmtpTestService() { }

    /// <inheritdoc />
    public override string Name => "SMTP";

    /// <inheritdoc />
    public override string EnvironmentVariable => "BAAS_TEST_SMTP";

    /// <inheritdoc />
    public override string StartFunction => "smtp_start";

    /// <summary>The server's host (127.0.0.1).</summary>
    public string Host => ConnectionString[..ConnectionString.LastIndexOf(':')];

    /// <summary>The server's port.</summary>
    public int Port => int.Parse(ConnectionString[(ConnectionString.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The messages the server received (every test's: find yours by a recipient address of your own).</summary>
    /// <exception cref="InvalidOperationException">The server is not running (the message says how to start it).</exception>
    public SmtpMailbox Mailbox => new(
        Environment.GetEnvironmentVariable("BAAS_TEST_SMTP_DIR") is { Length: > 0 } folder && IsAvailable
            ? folder
            : throw new InvalidOperationException(
                $"{Name} is required for this test: run ./test.sh, which starts it (or `source .ci/services.sh && {StartFunction}`, " +
                "which exports BAAS_TEST_SMTP and BAAS_TEST_SMTP_DIR)."));

    /// <summary>Configuration for an app that sends through this server (<c>Smtp:Host</c>, <c>Port</c>, <c>Security=None</c>, <c>From</c>).</summary>
    public Dictionary<string, string?> Settings(string from = "BaaS Tests <noreply@baas-tests.local>") => new()
    {
        ["Smtp:Host"] = Host,
        ["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = from,
    };
}
