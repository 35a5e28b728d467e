namespace BaaS;

/// <summary>
/// The positions of the framework's own filters in the operation pipeline (lower runs first, outermost), so a filter
/// can be placed relative to them. Before-binding filters always run before the request is bound, whatever their order
/// relative to after-binding ones.
/// </summary>
public static class FilterOrder
{
    /// <summary>
    /// The span and metrics of each call (<c>BaaS.Operations</c>): outside the observers, so a filter at
    /// <see cref="Observe"/> (the request logs) runs inside the call's span and reads its trace id from <c>Activity.Current</c>.
    /// </summary>
    public const int Telemetry = -10_100;

    /// <summary>Filters that watch everything, including refusals by the filters below: request logs.</summary>
    public const int Observe = -10_000;

    /// <summary>
    /// The rate limits (the default policy, <c>[RateLimit]</c>s, configured policies): just inside the observers, so request
    /// logs see a 429, and before everything else, so a refused call costs as little as possible.
    /// </summary>
    public const int RateLimit = -9000;

    /// <summary>The sign-in rate-limit policy on operations that take passwords or send email (after the sign-in origin check).</summary>
    public const int AuthRateLimit = -3000;

    /// <summary>Renewing a browser's expired access-token cookie from its refresh-token cookie.</summary>
    public const int AutoRefresh = -2000;

    /// <summary>Role, permission and sign-in checks (<c>[ValidateIsAuthenticated]</c>, <c>[ValidateHasRole]</c>...).</summary>
    public const int Authorization = -1000;

    /// <summary>API-key checks (<c>[ValidateApiKey]</c>).</summary>
    public const int ApiKey = -990;

    /// <summary>The transaction that a batch of CRUD requests shares.</summary>
    public const int BatchTransaction = -500;

    /// <summary>
    /// <c>Idempotency-Key</c> handling: inside the batch transaction (which it joins), after authorization (a refused call
    /// claims no key).
    /// </summary>
    public const int Idempotency = -400;

    /// <summary>Where a filter without a stated order runs, and declarative and FluentValidation rules.</summary>
    public const int Default = 0;

    /// <summary>Declarative and FluentValidation rules.</summary>
    public const int Validation = 0;

    /// <summary>
    /// Answering GET calls from the response cache (<c>[CacheResponse]</c>): after authorization and validation, so a
    /// cached answer only reaches a caller the operation accepts.
    /// </summary>
    public const int ResponseCache = 100;

    /// <summary>
    /// Dropping the cached answers of a model after an AutoQuery write: outside the batch transaction and
    /// <c>Idempotency-Key</c> handling, so it runs once the write has committed.
    /// </summary>
    public const int ResponseCacheInvalidation = -600;

    /// <summary>
    /// Publishing the server events of an AutoQuery write's <c>[PublishEvent]</c>s: outside the batch transaction and
    /// <c>Idempotency-Key</c> handling, so it publishes once the writes have committed.
    /// </summary>
    public const int PublishEvents = -650;
}
