using System.Globalization;

namespace BaaS.Auth.Codes;

/// <summary>
/// A code was asked for again within <see cref="SignInCodeOptions.ResendInterval"/>: 429 <c>TooManyRequests</c> with
/// <c>Retry-After</c> and a field error on <c>Email</c> (<c>CodeSentRecently</c>). Addresses with and without an account
/// get it alike.
/// </summary>
internal sealed class CodeSentRecentlyException : HttpError, IHasRetryAfter
{
    public CodeSentRecentlyException(TimeSpan left, TimeSpan interval)
        : base(429, "TooManyRequests", Describe(left, interval))
    {
        RetryAfter = left;
        FieldErrors.Add(new ResponseError("CodeSentRecently", "Email", Message));
    }

    /// <summary>When a new code may be asked for.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string Describe(TimeSpan left, TimeSpan interval) => string.Create(CultureInfo.InvariantCulture,
        $"{(interval > TimeSpan.Zero ? $"A code was sent less than {(long)Math.Ceiling(interval.TotalSeconds)} s ago" : "Another code was just sent")}: " +
        $"use it, or ask for a new one in {(long)Math.Ceiling(left.TotalSeconds)} s.");
}
