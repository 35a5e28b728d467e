namespace BaaS.Email.Smtp;

/// <summary>How the connection to the SMTP server is protected (<c>Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>
    /// STARTTLS is required: the server must offer it, else sending fails (port 587, the usual submission port).
    /// The default.
    /// </summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>
    /// TLS from the first byte on port 465; elsewhere STARTTLS when the server offers it and plain text when it does not.
    /// Someone between the app and the server can hide the offer: prefer <see cref="StartTls"/> or <see cref="SslOnConnect"/>.
    /// </summary>
    Auto,

    /// <summary>Plain text: only for a server on the same machine or network (a relay on localhost, a test server).</summary>
    None,
}
