using System.Diagnostics;
using MimeKit;

namespace BaaS.Testing;

/// <summary>
/// The messages an SMTP test server (.ci/smtp_sink.py) saved in its folder: each <c>.eml</c> file as the client sent it,
/// with the envelope recipients from its <c>.rcpt</c> file. Several tests share one server: read by an address of your own.
/// </summary>
/// <param name="folder">The server's messages folder.</param>
public sealed class SmtpMailbox(string folder)
{
    /// <summary>The folder the server writes to.</summary>
    public string Folder { get; } = folder;

    /// <summary>Every message received so far whose envelope includes <paramref name="recipient"/>, oldest first.</summary>
    public IReadOnlyList<ReceivedEmail> To(string recipient)
    {
        if (!Directory.Exists(Folder)) return [];
        var result = new List<ReceivedEmail>();
        foreach (var eml in Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal))
        {
            var rcpt = Path.ChangeExtension(eml, ".rcpt");
            var recipients = File.Exists(rcpt) ? File.ReadAllLines(rcpt).Where(l => l.Length > 0).ToList() : [];
            if (!recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase)) continue;
            result.Add(ReceivedEmail.Load(eml, recipients));
        }
        return result;
    }

    /// <summary>Waits (polling, up to <paramref name="timeout"/>, 20 s by default) until <paramref name="count"/> messages to <paramref name="recipient"/> arrived.</summary>
    /// <exception cref="Xunit.Sdk.XunitException">They did not arrive in time.</exception>
    public async Task<IReadOnlyList<ReceivedEmail>> WaitForAsync(string recipient, int count = 1, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (true)
        {
            var received = To(recipient);
            if (received.Count >= count) return received;
            if (clock.Elapsed > limit)
                throw new Xunit.Sdk.XunitException($"{received.Count} of {count} email(s) to {recipient} reached the SMTP server ({Folder}) in {limit.TotalSeconds:0} s.");
            await Task.Delay(25);
        }
    }
}

/// <summary>A message the SMTP test server received: parsed, raw, and its envelope recipients.</summary>
/// <param name="Message">The message, parsed by MimeKit.</param>
/// <param name="Raw">The bytes as sent, as text (the headers are ASCII).</param>
/// <param name="Recipients">The envelope's RCPT TO addresses.</param>
public sealed record ReceivedEmail(MimeMessage Message, string Raw, IReadOnlyList<string> Recipients)
{
    /// <summary>Reads a saved message.</summary>
    public static ReceivedEmail Load(string emlPath, IReadOnlyList<string> recipients)
    {
        var bytes = File.ReadAllBytes(emlPath);
        using var stream = new MemoryStream(bytes);
        return new ReceivedEmail(MimeMessage.Load(stream), System.Text.Encoding.UTF8.GetString(bytes), recipients);
    }

    /// <summary>The names of the top-level header fields, in order, as the raw message has them (before the first blank line).</summary>
    public IReadOnlyList<string> HeaderNames
    {
        get
        {
            var head = Raw.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", 2)[0];
            return [.. head.Split('\n').Where(l => l.Length > 0 && l[0] is not (' ' or '\t')).Select(l => l.Split(':', 2)[0])];
        }
    }
}
