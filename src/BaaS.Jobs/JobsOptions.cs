using BaaS.Data;

namespace BaaS.Jobs;

/// <summary>
/// The jobs feature's options, set once in <see cref="JobsServiceCollectionExtensions.AddBaaSJobs"/> and checked at
/// startup. Intervals are short enough for an app and can be made much shorter in tests.
/// </summary>
public sealed class JobsOptions
{
    /// <summary>The named connection of <see cref="IDbConnectionFactory"/> that holds the jobs. Default: <c>jobs</c>.</summary>
    public string ConnectionName { get; set; } = "jobs";

    /// <summary>The connection string registered under <see cref="ConnectionName"/> by <see cref="UseDatabase"/>, if any.</summary>
    public string? ConnectionString { get; private set; }

    /// <summary>The dialect registered with <see cref="ConnectionString"/>.</summary>
    public DialectProvider? Dialect { get; private set; }

    /// <summary>
    /// Registers the jobs database on the app's <see cref="DbConnectionFactory"/> under <see cref="ConnectionName"/> at
    /// startup (unless a connection of that name is registered already). Give the dialect explicitly: a
    /// <c>jobs.db</c> beside the app's SQLite file is SQLite whatever the app's database is.
    /// </summary>
    /// <exception cref="NotSupportedException">The dialect lacks a capability the job store needs (the message names it).</exception>
    public JobsOptions UseDatabase(string connectionString, DialectProvider dialect)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(dialect);
        JobSql.Require(dialect);
        ConnectionString = connectionString;
        Dialect = dialect;
        return this;
    }

    /// <summary>This node's name in leases and attempt records. Default: machine name, process id and a random suffix.</summary>
    public string NodeName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Whether this node runs jobs (false: it only enqueues and serves the management APIs). Default: true.</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How many jobs this node runs at once. Default: 16.</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>The most jobs one claim takes. Default: 100.</summary>
    public int ClaimBatchSize { get; set; } = 100;

    /// <summary>How often an idle node looks for due jobs (jobs enqueued on the node itself start at once). Default: 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// On PostgreSQL, whether new jobs wake every node at once (each enqueue sends a <c>NOTIFY</c>; each node keeps one
    /// connection that <c>LISTEN</c>s), instead of waiting for its next poll. Turn off behind a transaction-pooling proxy
    /// such as PgBouncer, where <c>LISTEN</c> does not work. No effect on SQLite. Default: true.
    /// </summary>
    public bool Notifications { get; set; } = true;

    /// <summary>
    /// The server-events channel the jobs dashboard listens on for <see cref="JobsChanged"/> notices (admins only), when the
    /// app has server events. Null: no notices (the dashboard polls). Default: <c>baas-jobs</c>.
    /// </summary>
    public string? EventsChannel { get; set; } = "baas-jobs";

    /// <summary>The least time between two <see cref="JobsChanged"/> notices from one node. Default: 1 s.</summary>
    public TimeSpan ChangeNoticeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim holds a job without renewal; a node that stops renewing loses its jobs to others. Default: 30 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a node renews the leases of its running jobs and picks up cancellations. Default: 5 s.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the log and progress of running jobs are written to the database. Default: 1 s.</summary>
    public TimeSpan ProgressFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a node releases dependents, fails dead jobs and archives finished ones. Default: 5 s.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a node looks for due recurring jobs. Default: 1 s.</summary>
    public TimeSpan ScheduleInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>On shutdown, how long running jobs may finish before they are cancelled and released for retry. Default: 10 s.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The retry limit of jobs that do not set one. Default: 2.</summary>
    public int DefaultRetryLimit { get; set; } = 2;

    /// <summary>The timeout of jobs that do not set one. Default: 10 minutes.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The delay before the first retry; each further retry doubles it, with jitter (half to all of it). Default: 5 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest delay between retries. Default: 1 hour.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long completed and cancelled jobs stay in the live queue before they move to the month's archive. Default: 1 minute.</summary>
    public TimeSpan ArchiveAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long failed jobs stay in the live queue (where they can be requeued cheaply) before they are archived. Default: 7 days.</summary>
    public TimeSpan ArchiveFailedAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The most jobs one archive step moves. Default: 1000.</summary>
    public int ArchiveBatchSize { get; set; } = 1000;

    /// <summary>The longest log a job keeps, in characters; later lines are dropped with a note. Default: 100,000.</summary>
    public int MaxLogLength { get; set; } = 100_000;

    /// <summary>
    /// The app's connections (null: the default one) whose outbox (<c>baas_job_outbox</c>) this node creates and drains:
    /// jobs enqueued in a transaction of a database that does not hold the jobs wait there until they are moved to the
    /// jobs database (see <see cref="TransactionalJobs"/>). Default: the default connection.
    /// </summary>
    public List<string?> OutboxConnections { get; } = [null];

    /// <summary>
    /// Whether jobs enqueued in an app transaction always go through the outbox, even when the jobs live in that same
    /// database (where they are otherwise inserted in the transaction directly). Default: false.
    /// </summary>
    public bool AlwaysUseOutbox { get; set; }

    /// <summary>The most outbox rows one drain moves. Default: 100.</summary>
    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>The user API jobs run as when nobody is signed in where they are enqueued (null: anonymous).</summary>
    public JobUser? DefaultUser { get; set; }

    internal List<RecurringJob> Recurring { get; } = [];

    /// <summary>
    /// Registers a recurring command, created (or updated, keeping whether it is paused) by name when the node starts:
    /// restarts and other nodes never duplicate it.
    /// </summary>
    public JobsOptions RecurringCommand<TCommand>(string name, Schedule schedule, object? arg = null, JobOptions? options = null) where TCommand : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(schedule);
        Recurring.RemoveAll(r => r.Name == name);
        Recurring.Add(new RecurringJob(name, schedule, typeof(TCommand), arg, options));
        return this;
    }

    /// <summary>Registers a recurring command on a schedule written as text (cron, macro or <c>@every</c>).</summary>
    public JobsOptions RecurringCommand<TCommand>(string name, string schedule, object? arg = null, JobOptions? options = null) where TCommand : class =>
        RecurringCommand<TCommand>(name, Schedule.Parse(schedule), arg, options);

    internal void Validate()
    {
        static void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero) throw new InvalidOperationException($"JobsOptions.{name} must be positive, not {value}.");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionName, nameof(ConnectionName));
        ArgumentException.ThrowIfNullOrWhiteSpace(NodeName, nameof(NodeName));
        if (Concurrency < 1) throw new InvalidOperationException($"JobsOptions.Concurrency must be at least 1, not {Concurrency}.");
        if (ClaimBatchSize < 1) throw new InvalidOperationException($"JobsOptions.ClaimBatchSize must be at least 1, not {ClaimBatchSize}.");
        if (OutboxBatchSize < 1) throw new InvalidOperationException($"JobsOptions.OutboxBatchSize must be at least 1, not {OutboxBatchSize}.");
        if (ArchiveBatchSize < 1) throw new InvalidOperationException($"JobsOptions.ArchiveBatchSize must be at least 1, not {ArchiveBatchSize}.");
        if (DefaultRetryLimit < 0) throw new InvalidOperationException($"JobsOptions.DefaultRetryLimit cannot be negative ({DefaultRetryLimit}).");
        if (MaxLogLength < 0) throw new InvalidOperationException($"JobsOptions.MaxLogLength cannot be negative ({MaxLogLength}).");
        Positive(PollInterval, nameof(PollInterval));
        Positive(LeaseDuration, nameof(LeaseDuration));
        Positive(ChangeNoticeInterval, nameof(ChangeNoticeInterval));
        Positive(LeaseRenewInterval, nameof(LeaseRenewInterval));
        Positive(ProgressFlushInterval, nameof(ProgressFlushInterval));
        Positive(MaintenanceInterval, nameof(MaintenanceInterval));
        Positive(ScheduleInterval, nameof(ScheduleInterval));
        Positive(DefaultTimeout, nameof(DefaultTimeout));
        Positive(RetryBaseDelay, nameof(RetryBaseDelay));
        Positive(MaxRetryDelay, nameof(MaxRetryDelay));
        if (ShutdownGracePeriod < TimeSpan.Zero) throw new InvalidOperationException("JobsOptions.ShutdownGracePeriod cannot be negative.");
        if (ArchiveAfter < TimeSpan.Zero || ArchiveFailedAfter < TimeSpan.Zero) throw new InvalidOperationException("JobsOptions.ArchiveAfter and ArchiveFailedAfter cannot be negative.");
        if (LeaseRenewInterval >= LeaseDuration)
            throw new InvalidOperationException($"JobsOptions.LeaseRenewInterval ({LeaseRenewInterval}) must be shorter than LeaseDuration ({LeaseDuration}), or leases expire between renewals.");
    }
}
