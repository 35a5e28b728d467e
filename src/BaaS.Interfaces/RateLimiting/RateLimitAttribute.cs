namespace BaaS;

/// <summary>
/// A rate limit of the operation, on top of the app's default policy: at most <see cref="PermitLimit"/> calls per
/// <see cref="Window"/> for each <see cref="Partition"/> (by default the caller: its API key, else its user, else its IP
/// address), counted in fixed windows shared by every node of the app. Over it the call answers 429 with
/// <c>Retry-After</c>. Repeat the attribute for several policies (a burst and a daily budget). Configuration
/// (<c>BaaS:RateLimits:Policies:{Name}</c>) may change any of its values without a build.
/// </summary>
/// <example><c>[RateLimit(10, "00:01:00", Partition = RateLimitPartition.User)] public class PlaceOrder : IReturn&lt;PlaceOrderResponse&gt; { }</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class RateLimitAttribute(int permitLimit, string window) : Attribute
{
    /// <summary>Calls allowed per window and partition (at least 1).</summary>
    public int PermitLimit { get; } = permitLimit;

    /// <summary>The window, as a time span (<c>hh:mm:ss</c>, or <c>d.hh:mm:ss</c>): <c>"00:01:00"</c> for a minute.</summary>
    public string Window { get; } = window;

    /// <summary>
    /// The policy's name: in 429 answers, the metadata and configuration. Operations naming the same policy share its
    /// budget. Default: the operation's name.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>Whose budget a call counts against. Default: <see cref="RateLimitPartition.Caller"/>.</summary>
    public RateLimitPartition Partition { get; set; } = RateLimitPartition.Caller;

    /// <summary>What happens when the counters cannot be reached. Default: <see cref="RateLimitFailureMode.Open"/>.</summary>
    public RateLimitFailureMode FailureMode { get; set; } = RateLimitFailureMode.Open;
}
