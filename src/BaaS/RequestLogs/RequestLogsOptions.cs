namespace BaaS;

/// <summary>
/// Settings of request logs (<see cref="RequestLogsServiceCollectionExtensions.AddRequestLogs"/>), read from the
/// <c>RequestLogs</c> configuration section after the code's own, fixed at startup.
/// </summary>
public sealed class RequestLogsOptions
{
    /// <summary>
    /// Whether calls are recorded. Off, nothing is added to the pipeline; the admin APIs still answer what was recorded.
    /// Default: true (once <c>AddRequestLogs</c> is called; the platform records nothing without it).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether each row keeps its request DTO as JSON, with passwords, tokens, secrets, key-like names and
    /// <see cref="SensitiveAttribute"/> properties replaced by <c>"***"</c>. Default: false.
    /// </summary>
    public bool IncludeBodies { get; set; }

    /// <summary>The longest body kept, in characters; a longer one is cut and ends with <c>…</c>. Default: 4,000.</summary>
    public int MaxBodyLength { get; set; } = 4000;

    /// <summary>
    /// Operations never recorded, by name (case-insensitive). Default: the request log's own APIs, so reading the log
    /// does not fill it.
    /// </summary>
    public List<string> ExcludeOperations { get; set; } =
        [nameof(AdminQueryRequestLogs), nameof(AdminGetRequestLog), nameof(AdminGetRequestAnalytics), nameof(AdminGetRequestLogStats)];

    /// <summary>
    /// The named connection of the app's <see cref="Data.IDbConnectionFactory"/> that holds the log; null for the app's
    /// own database. Default: null.
    /// </summary>
    public string? ConnectionName { get; set; }

    /// <summary>How many days raw rows and per-minute aggregates are kept. Default: 14.</summary>
    public int RetentionDays { get; set; } = 14;

    /// <summary>How many days per-hour aggregates (analytics beyond a few days) are kept. Default: 90.</summary>
    public int AnalyticsRetentionDays { get; set; } = 90;

    /// <summary>
    /// When expired rows are deleted: a recurring job when the app has BaaS.Jobs, else a timer on every node.
    /// Default: <c>@every 1h</c>.
    /// </summary>
    public string RetentionSchedule { get; set; } = "@every 1h";

    /// <summary>The most rows one delete statement removes (retention deletes in chunks of this size). Default: 5,000.</summary>
    public int RetentionChunkSize { get; set; } = 5000;

    /// <summary>
    /// The most rows waiting to be written. When full, new rows are dropped and counted; the calls are never slowed.
    /// Memory stays under about Capacity × the size of a row (≈ 0.5 KB, plus the body when kept). Default: 10,000.
    /// </summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>The most rows written in one transaction. Default: 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long the writer waits for a batch to fill before it writes what it has. Default: 1 second.</summary>
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a node stopping keeps writing the rows still queued; the rest are counted as dropped. Default: 5 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times a batch is written again after the database refused it or could not be reached. Default: 3.</summary>
    public int WriteRetries { get; set; } = 3;

    internal HashSet<string> Excluded { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

    internal Schedule ParsedRetentionSchedule { get; private set; } = null!;

    internal void Validate()
    {
        static InvalidOperationException Fail(string message) => new($"RequestLogs: {message}");
        if (MaxBodyLength is < 100 or > 1_000_000) throw Fail($"MaxBodyLength must be between 100 and 1,000,000 characters, not {MaxBodyLength}.");
        if (RetentionDays < 1) throw Fail($"RetentionDays must be at least 1, not {RetentionDays}.");
        if (AnalyticsRetentionDays < RetentionDays)
            throw Fail($"AnalyticsRetentionDays ({AnalyticsRetentionDays}) cannot be shorter than RetentionDays ({RetentionDays}): the hourly aggregates outlive the rows.");
        if (RetentionChunkSize is < 1 or > 100_000) throw Fail($"RetentionChunkSize must be between 1 and 100,000, not {RetentionChunkSize}.");
        if (Capacity is < 1 or > 10_000_000) throw Fail($"Capacity must be between 1 and 10,000,000, not {Capacity}.");
        if (BatchSize is < 1 or > 10_000) throw Fail($"BatchSize must be between 1 and 10,000, not {BatchSize}.");
        if (BatchInterval < TimeSpan.Zero || BatchInterval > TimeSpan.FromMinutes(1)) throw Fail($"BatchInterval must be between 0 and 1 minute, not {BatchInterval}.");
        if (ShutdownTimeout < TimeSpan.Zero) throw Fail("ShutdownTimeout cannot be negative.");
        if (WriteRetries is < 0 or > 100) throw Fail($"WriteRetries must be between 0 and 100, not {WriteRetries}.");
        try
        {
            ParsedRetentionSchedule = Schedule.Parse(RetentionSchedule);
        }
        catch (FormatException e)
        {
            throw Fail($"RetentionSchedule '{RetentionSchedule}' is not a schedule: {e.Message} Write a cron expression (\"0 * * * *\") or an interval (\"@every 1h\").");
        }
        Excluded = new HashSet<string>(ExcludeOperations.Select(o => o.Trim()), StringComparer.OrdinalIgnoreCase);
    }
}
