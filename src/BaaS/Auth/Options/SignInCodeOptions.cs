namespace BaaS.Auth;

/// <summary>
/// One-time codes by email (<c>Auth:SignInCodes</c>): whether people may sign in with a 6-digit code instead of a
/// password (<see cref="SendSignInCode"/>, <see cref="SignInWithCode"/>), and the rules every code follows, those that
/// confirm an email address (<see cref="SendEmailVerificationCode"/>, <see cref="ConfirmEmailWithCode"/>) included.
/// </summary>
public sealed class SignInCodeOptions
{
    /// <summary>
    /// Whether sign-in by code is on. Unset (the default): on when the app can send email (an <see cref="IEmailSender"/>
    /// is registered, such as SMTP with <c>Smtp:Host</c>) and in Development, where the default sender writes each email,
    /// code included, to the log; off otherwise, since nobody would receive a code. True without an email sender outside
    /// Development fails startup.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>How long a code works after it is sent (at most a day). Default: 10 minutes.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong codes allowed per code sent; the next attempt voids the code (a new one must be asked for). Default: 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// At most one code per email address (sign-in) or user (email confirmation) per this interval; another request
    /// within it is 429 with <c>Retry-After</c>. Default: 60 seconds; zero sends a code on every request.
    /// </summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The settings that cannot work, one line each naming the setting.</summary>
    internal IEnumerable<string> Problems()
    {
        // Six digits are guessable given time: a code is meant to live minutes, and a day is already generous.
        if (Lifetime <= TimeSpan.Zero || Lifetime > TimeSpan.FromDays(1))
            yield return "Auth:SignInCodes:Lifetime must be positive and at most a day (e.g. 00:10:00).";
        if (MaxAttempts < 1) yield return "Auth:SignInCodes:MaxAttempts must be 1 or more.";
        if (ResendInterval < TimeSpan.Zero) yield return "Auth:SignInCodes:ResendInterval must be zero or positive (e.g. 00:01:00).";
    }
}
