namespace BaaS;

/// <summary>
/// The headers every answer carries (<c>BaaS:Security:Headers</c>); an empty value leaves that header out. HTML pages get
/// <see cref="PageContentSecurityPolicy"/> unless the page declares its own (see <see cref="PageSecurityPolicy"/>);
/// every other answer gets <see cref="ContentSecurityPolicy"/>.
/// </summary>
public sealed class SecurityHeadersSettings
{
    /// <summary>Add the headers. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>X-Content-Type-Options</c>. Default: <c>nosniff</c>.</summary>
    public string ContentTypeOptions { get; set; } = "nosniff";

    /// <summary><c>Referrer-Policy</c>. Default: <c>strict-origin-when-cross-origin</c>.</summary>
    public string ReferrerPolicy { get; set; } = "strict-origin-when-cross-origin";

    /// <summary><c>X-Frame-Options</c>, for browsers without CSP <c>frame-ancestors</c>. Default: <c>DENY</c>.</summary>
    public string FrameOptions { get; set; } = "DENY";

    /// <summary>
    /// <c>Content-Security-Policy</c> of answers that are not HTML (JSON, CSV, text). Default:
    /// <c>default-src 'none'; frame-ancestors 'none'</c>: nothing in them may load or run, and nothing may frame them.
    /// </summary>
    public string ContentSecurityPolicy { get; set; } = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// <c>Content-Security-Policy</c> of HTML pages that declare none of their own. Default: same-origin scripts, styles,
    /// images and calls only, no plugins, no framing.
    /// </summary>
    public string PageContentSecurityPolicy { get; set; } =
        "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}
