namespace BaaS;

/// <summary>
/// The rate limits' settings, bound from <c>BaaS:RateLimits</c>: the default policy every operation counts against, and
/// named policies that change an operation's <c>[RateLimit]</c> (or the sign-in policy <c>auth</c>) or add one to
/// operations, without a build.
/// </summary>
/// <example>
/// <code>
/// "BaaS": { "RateLimits": {
///   "Default": { "PermitLimit": 1200, "Window": "00:01:00" },
///   "Policies": {
///     "PlaceOrder": { "PermitLimit": 5 },
///     "exports": { "PermitLimit": 3, "Window": "01:00:00", "Partition": "User", "Operations": [ "ExportOrders" ] } } } }
/// </code>
/// </example>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section: <c>BaaS:RateLimits</c>.</summary>
    public const string SectionName = "BaaS:RateLimits";

    /// <summary>The default policy's name, in answers, the metadata and <see cref="Policies"/>.</summary>
    public const string DefaultPolicyName = "default";

    /// <summary>Whether any rate limit applies (the default policy, <c>[RateLimit]</c>s, configured and sign-in policies). Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The policy every operation counts against, per caller (API key, else user, else IP address), failing open when
    /// the counters cannot be reached. Default: 600 calls a minute. <c>Enabled: false</c> turns only it off.
    /// </summary>
    public RateLimitPolicyOptions Default { get; set; } = new();

    /// <summary>
    /// Named policies: a name that a <c>[RateLimit]</c> (its <see cref="RateLimitAttribute.Name"/>, else its operation's
    /// name) or the sign-in policy <c>auth</c> uses changes the values it sets; another name, with
    /// <see cref="RateLimitPolicyOptions.Operations"/>, adds a policy to those operations.
    /// </summary>
    public Dictionary<string, RateLimitPolicyOptions> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How often, at most, counters that cannot be reached (and refused calls) are logged; the occurrences in between are
    /// counted and reported with the next line. Default: 30 seconds.
    /// </summary>
    public TimeSpan LogInterval { get; set; } = TimeSpan.FromSeconds(30);
}
