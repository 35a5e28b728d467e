using BaaS.Email.Smtp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BaaS.Email.Tests.Suites;

/// <summary>The sender alone against the run's SMTP server: what arrives, what is refused, what a server that is away does.</summary>
public sealed class SmtpSenderTests
{
    private static SmtpTestService Smtp => SmtpTestService.Instance;

    private static SmtpEmailSender Sender(int? port = null, string from = "BaaS Tests <noreply@baas-tests.local>") =>
        new(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port ?? Smtp.Port, Security = SmtpSecurity.None, From = from, Timeout = TimeSpan.FromSeconds(10) }),
            NullLogger<SmtpEmailSender>.Instance);

    [Fact]
    public async Task A_message_arrives_with_its_sender_recipient_subject_and_both_bodies_as_alternatives()
    {
        var to = EmailApp.NewAddress();
        await Sender().SendAsync(new EmailMessage
        {
            To = to, Subject = "Grüße: your order 42 ✓", TextBody = "Plain text, with ünïcode.\nSecond line.", HtmlBody = "<p>Hello <b>HTML</b> ✓</p>", Kind = "test",
        }, default);

        var received = Assert.Single(await Smtp.Mailbox.WaitForAsync(to));
        var message = received.Message;
        Assert.Equal([to], received.Recipients);
        Assert.Equal("noreply@baas-tests.local", Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Address);
        Assert.Equal("BaaS Tests", message.From.Mailboxes.Single().Name);
        Assert.Equal(to, message.To.Mailboxes.Single().Address);
        Assert.Equal("Grüße: your order 42 ✓", message.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("Plain text, with ünïcode.\nSecond line.", (message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
        Assert.Equal("<p>Hello <b>HTML</b> ✓</p>", (message.HtmlBody ?? "").TrimEnd('\r', '\n'));
        Assert.NotNull(message.MessageId);
    }

    [Fact]
    public async Task A_message_without_html_is_plain_text_only()
    {
        var to = EmailApp.NewAddress();
        await Sender().SendAsync(new EmailMessage { To = to, Subject = "Text only", TextBody = "Just text." }, default);
        var message = Assert.Single(await Smtp.Mailbox.WaitForAsync(to)).Message;
        Assert.Equal("text/plain", Assert.IsType<TextPart>(message.Body).ContentType.MimeType);
        Assert.Null(message.HtmlBody);
    }

    [Theory]
    [InlineData("Hello\r\nBcc: victim@baas-tests.example")]
    [InlineData("Hello\nBcc: victim@baas-tests.example")]
    [InlineData("Hello\rX-Injected: yes")]
    [InlineData("Hello\r\n\r\nA body of the attacker's")]
    public async Task A_subject_with_a_line_break_is_refused_and_nothing_is_sent(string subject)
    {
        var to = EmailApp.NewAddress();
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Sender().SendAsync(new EmailMessage { To = to, Subject = subject, TextBody = "x" }, default));
        Assert.Equal("Subject", refused.ParamName);
        // Sent afterwards to the same address: the only message there, so the refused one never went out.
        await Sender().SendAsync(new EmailMessage { To = to, Subject = "after", TextBody = "x" }, default);
        Assert.Equal(["after"], (await Smtp.Mailbox.WaitForAsync(to)).Select(m => m.Message.Subject));
    }

    [Theory]
    [InlineData("ann@baas-tests.example\r\nBcc: victim@baas-tests.example")]
    [InlineData("ann@baas-tests.example, victim@baas-tests.example")]
    [InlineData("Ann <ann@baas-tests.example>")]
    [InlineData("not an address")]
    [InlineData("")]
    public async Task A_recipient_that_is_not_one_plain_address_is_refused(string to)
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Sender().SendAsync(new EmailMessage { To = to, Subject = "s", TextBody = "x" }, default));
        Assert.Equal("To", refused.ParamName);
        Assert.Empty(Smtp.Mailbox.To("victim@baas-tests.example"));
    }

    [Fact]
    public async Task Header_like_text_in_the_body_stays_in_the_body()
    {
        var to = EmailApp.NewAddress();
        await Sender().SendAsync(new EmailMessage { To = to, Subject = "Body test", TextBody = "\r\nBcc: victim@baas-tests.example\r\nX-Injected: yes\r\n" }, default);
        var received = Assert.Single(await Smtp.Mailbox.WaitForAsync(to));
        Assert.Equal([to], received.Recipients);
        Assert.DoesNotContain("Bcc", received.HeaderNames, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("X-Injected", received.HeaderNames, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("X-Injected: yes", received.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_a_transient_failure_answering_503_with_retry_after()
    {
        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(port: LoopbackPort.Free()).SendAsync(new EmailMessage { To = EmailApp.NewAddress(), Subject = "s", TextBody = "x" }, default));
        Assert.False(failure.IsPermanent);
        Assert.Equal((503, "EmailUnavailable"), (failure.StatusCode, failure.ErrorCode));
        Assert.Equal(EmailDeliveryException.DefaultRetryAfter, failure.RetryAfter);
        Assert.NotNull(failure.InnerException);
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_for_good_is_a_permanent_failure_answering_400()
    {
        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender().SendAsync(new EmailMessage { To = EmailApp.NewAddress("reject"), Subject = "s", TextBody = "x" }, default));
        Assert.True(failure.IsPermanent);
        Assert.Equal((400, "EmailRejected"), (failure.StatusCode, failure.ErrorCode));
        Assert.Null(failure.RetryAfter);
    }

    [Fact]
    public void A_sender_name_with_a_line_break_cannot_be_configured()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Sender(from: "Shop\r\nBcc: victim@baas-tests.example <noreply@baas-tests.local>"));
        Assert.Contains("Smtp:From", e.Message, StringComparison.Ordinal);
    }
}
