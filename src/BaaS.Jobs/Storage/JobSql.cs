using System.Collections.Concurrent;
using System.Text;
using BaaS.Data;

namespace BaaS.Jobs;

/// <summary>
/// The statements of the job store for one database. Most are the same text on every database; the claim, the batch
/// of completions and the archive move come in two families, chosen by the dialect's capabilities (see
/// <see cref="Require(string, DialectCapabilities)"/>): with row locks (PostgreSQL) rows are taken with
/// <c>FOR UPDATE SKIP LOCKED</c> so that any number of nodes share one queue; with a single writer (SQLite) the write
/// transaction alone keeps claims apart. The row-locking family's batched completion uses PostgreSQL's array syntax
/// (<c>unnest(@ids::bigint[], ...)</c>): a new dialect with row locks must accept it or bring its own statement.
/// Values are always parameters; identifiers are fixed or built from the model's column names and a month number,
/// quoted by the dialect.
/// </summary>
internal sealed partial class JobSql
{
    public JobSql(DialectProvider dialect)
    {
        Require(dialect);
        Dialect = dialect;
        LocksRows = dialect.Capabilities.SkipLocked;
        SchemaLock = LocksRows ? dialect.AdvisoryTransactionLockSql("key") : null;
        var model = ModelDefinition.For<JobRecord>();
        Columns = string.Join(", ", model.Fields.Select(f => dialect.QuoteIdentifier(f.ColumnName)));
        InsertFields = model.Fields.Where(f => !f.IsAutoIncrement).ToArray();
        _insertColumns = string.Join(", ", InsertFields.Select(f => dialect.QuoteIdentifier(f.ColumnName)));
        Claim = LocksRows ? dialect.PreferIndexOrderSql + RowLockingClaim : SingleWriterClaim;
    }

    private readonly string _insertColumns;
    private readonly ConcurrentDictionary<int, string> _insertMany = new();
    private readonly ConcurrentDictionary<int, string> _insertManyAnnounced = new();

    public DialectProvider Dialect { get; }

    /// <summary>
    /// True for the row-locking family (claims with <c>FOR UPDATE SKIP LOCKED</c>, completions in one statement over
    /// array parameters), false for the single-writer family (one statement per write inside the write transaction).
    /// </summary>
    public bool LocksRows { get; }

    /// <summary>
    /// With row locks, the statement that serialises schema changes between nodes for the rest of the transaction
    /// (<c>@key</c>: <c>SELECT pg_advisory_xact_lock(@key)</c>); null with a single writer, whose transaction does it already.
    /// </summary>
    public string? SchemaLock { get; }

    /// <summary>Every column of <c>baas_job</c>, quoted: <c>"id", "ref_id", "kind", ...</c>.</summary>
    public string Columns { get; }

    // Which jobs a node may take: due queued jobs whose dependency is done; a named worker's jobs only when they head
    // its line (its oldest job still queued or started). The condition matches the claim index (state, priority DESC,
    // id), so a claim reads the queue's head, not the whole queue.
    private const string Claimable = """
        c.state = @queued AND c.run_after <= @now AND c.waiting_for IS NULL
          AND (c.worker IS NULL OR c.id = (SELECT MIN(w.id) FROM baas_job w WHERE w.worker = c.worker AND w.state IN (@queued, @started)))
        """;

    // With row locks, after the dialect's PreferIndexOrderSql (PostgreSQL: SET LOCAL enable_sort = off; ...):
    // UPDATE baas_job AS j SET state = @started, lease_owner = @node, ... FROM (SELECT c.id FROM baas_job c WHERE ...
    //   ORDER BY c.priority DESC, c.id LIMIT @take FOR UPDATE SKIP LOCKED) AS picked WHERE j.id = picked.id RETURNING j.*
    // Run in a transaction (SET LOCAL lasts until its end). The settings pin the plan to walking the claim index in
    // order and stopping after @take rows: a queue grows faster than autovacuum refreshes its statistics, and with
    // stale statistics (a few queued rows, when there are thousands) the planner reads every queued row, sorts them
    // and then keeps @take: measured at 10-300 ms per claim with 15,000 queued jobs, against 2 ms for the index walk.
    private const string RowLockingClaim = $"""
        UPDATE baas_job AS j SET state = @started, lease_owner = @node, lease_expires_at = @lease, started_at = @now,
          attempts = j.attempts + 1, progress = NULL, status = NULL
        FROM (SELECT c.id FROM baas_job c WHERE {Claimable}
              ORDER BY c.priority DESC, c.id LIMIT @take FOR UPDATE SKIP LOCKED) AS picked
        WHERE j.id = picked.id
        RETURNING j.*
        """;

    // With a single writer: UPDATE baas_job SET state = @started, ... WHERE id IN (SELECT c.id FROM baas_job c WHERE ...
    //   ORDER BY c.priority DESC, c.id LIMIT @take) RETURNING *
    private const string SingleWriterClaim = $"""
        UPDATE baas_job SET state = @started, lease_owner = @node, lease_expires_at = @lease, started_at = @now,
          attempts = attempts + 1, progress = NULL, status = NULL
        WHERE id IN (SELECT c.id FROM baas_job c WHERE {Claimable} ORDER BY c.priority DESC, c.id LIMIT @take)
        RETURNING *
        """;

    /// <summary>
    /// Puts started jobs whose node stopped renewing the lease back in the queue (when they may run again and are not
    /// being cancelled), remembering the node that lost them for the attempt log. SET right-hand sides read the old row.
    /// </summary>
    public const string RequeueExpired = """
        UPDATE baas_job SET state = @queued, run_after = @now, lease_expires_at = NULL, lost_owner = lease_owner, lost_started_at = started_at
        WHERE state = @started AND lease_expires_at < @now AND cancel_requested = @no AND attempts <= retry_limit
        """;

    /// <summary>Claims up to <c>@take</c> jobs for <c>@node</c> until <c>@lease</c>.</summary>
    public string Claim { get; }

    // The guard of every write by the node running a job: it still holds this attempt's lease.
    private const string Held = "id = @id AND lease_owner = @node AND attempts = @attempt AND state = @started";

    /// <summary>
    /// Renews the leases of a node's running jobs and reports which are to be cancelled. With row locks the rows are
    /// locked in id order first, the order completions write them in, so a renewal and a batch of completions never
    /// deadlock.
    /// </summary>
    public string Renew => LocksRows
        ? """
          UPDATE baas_job SET lease_expires_at = @lease
          WHERE id IN (SELECT r.id FROM baas_job r WHERE r.state = @started AND r.lease_owner = @node ORDER BY r.id FOR UPDATE)
          RETURNING id, attempts, cancel_requested
          """
        : """
          UPDATE baas_job SET lease_expires_at = @lease WHERE state = @started AND lease_owner = @node
          RETURNING id, attempts, cancel_requested
          """;

    /// <summary>Writes a running job's progress and appends to its log.</summary>
    public const string Flush = $"""
        UPDATE baas_job SET progress = @progress, status = @status, log = COALESCE(log, '') || @chunk WHERE {Held}
        """;

    /// <summary>Records the end of an attempt: completed, failed, cancelled, or queued again for a retry.</summary>
    public const string Finish = $"""
        UPDATE baas_job SET state = @state, run_after = @runAfter, completed_at = @completedAt, duration_ms = @duration,
          lease_expires_at = NULL, progress = @progress, status = @status, log = COALESCE(log, '') || @chunk, result = @result,
          error_code = @errorCode, error_message = @errorMessage, error_stack = @errorStack, attempt_log = @attemptLog,
          cancel_requested = @no, lost_owner = NULL, lost_started_at = NULL
        WHERE {Held}
        """;

    /// <summary>
    /// With row locks: records the ends of a batch of attempts in one statement, each only if its node still holds the
    /// job, releases the dependents of those it completed, and answers the ids it recorded. The arrays hold one entry
    /// per attempt, sorted by id, so rows are locked in id order (as renewals lock them) and writers cannot deadlock.
    /// The state test is written <c>(j.state = @started) IS TRUE</c> (the same, as state is never null) so that it
    /// cannot use the claim index: with stale statistics the planner otherwise hashes every started row the index
    /// holds (dead ones included) instead of looking up the batch's ids by primary key.
    /// </summary>
    public const string FinishMany = """
        WITH f AS (
          SELECT * FROM unnest(@ids::bigint[], @nodes::text[], @attempts::integer[], @states::text[], @runAfters::timestamptz[],
            @completedAts::timestamptz[], @durations::bigint[], @progresses::double precision[], @statuses::text[], @chunks::text[],
            @results::text[], @errorCodes::text[], @errorMessages::text[], @errorStacks::text[], @attemptLogs::text[])
            AS f(id, node, attempt, state, run_after, completed_at, duration_ms, progress, status, chunk, result, error_code,
                 error_message, error_stack, attempt_log)
        ),
        done AS (
          UPDATE baas_job AS j SET state = f.state, run_after = f.run_after, completed_at = f.completed_at, duration_ms = f.duration_ms,
            lease_expires_at = NULL, progress = f.progress, status = f.status, log = COALESCE(j.log, '') || f.chunk, result = f.result,
            error_code = f.error_code, error_message = f.error_message, error_stack = f.error_stack, attempt_log = f.attempt_log,
            cancel_requested = false, lost_owner = NULL, lost_started_at = NULL
          FROM f
          WHERE j.id = f.id AND j.lease_owner = f.node AND j.attempts = f.attempt AND (j.state = @started) IS TRUE
          RETURNING j.id, j.state
        ),
        released AS (
          UPDATE baas_job AS d SET waiting_for = NULL
          WHERE d.waiting_for IS NOT NULL AND d.waiting_for IN (SELECT done.id FROM done WHERE done.state = @completed)
        )
        SELECT id FROM done
        """;

    /// <summary>The channel new jobs are announced on (the dialect's notifications: PostgreSQL <c>NOTIFY</c>), which every node listens to.</summary>
    public const string Channel = "baas_jobs";

    /// <summary>True when inserts announce new jobs on <see cref="Channel"/> (a dialect with notifications, and notifications on).</summary>
    public bool Notifies { get; init; }

    /// <summary>The columns a new job is inserted with (all but the generated id), in model order.</summary>
    public FieldDefinition[] InsertFields { get; }

    /// <summary>
    /// Inserts <paramref name="rows"/> new jobs in one statement and answers each one's id with its RefId (unique, so
    /// the ids are matched to rows by RefId, not by the order of RETURNING). Parameter <c>@v{row}_{column}</c>:
    /// <c>INSERT INTO baas_job ("ref_id", "kind", ...) VALUES (@v0_0, @v0_1, ...), (@v1_0, @v1_1, ...) RETURNING id, ref_id</c>.
    /// With <paramref name="announce"/> (and <see cref="Notifies"/>), the same statement announces the jobs on
    /// <see cref="Channel"/>, delivered when it commits:
    /// <c>WITH ins AS (INSERT ... RETURNING id, ref_id) SELECT ins.id, ins.ref_id FROM ins, (SELECT pg_notify('baas_jobs', '')) AS n</c>.
    /// </summary>
    public string InsertMany(int rows, bool announce) => announce && Notifies
        ? _insertManyAnnounced.GetOrAdd(rows, n => $"WITH ins AS ({InsertMany(n, false)}) SELECT ins.id, ins.ref_id FROM ins, (SELECT {Dialect.NotifySql(Channel)}) AS n")
        : _insertMany.GetOrAdd(rows, n =>
        {
            var sql = new StringBuilder($"INSERT INTO baas_job ({_insertColumns}) VALUES ");
            for (var r = 0; r < n; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < InsertFields.Length; c++) sql.Append(c == 0 ? "" : ", ").Append("@v").Append(r).Append('_').Append(c);
                sql.Append(')');
            }
            return sql.Append(" RETURNING id, ref_id").ToString();
        });

    /// <summary>Gives a job back to the queue without counting the attempt (graceful shutdown).</summary>
    public const string Release = $"""
        UPDATE baas_job SET state = @queued, attempts = attempts - 1, run_after = @now, lease_expires_at = NULL,
          log = COALESCE(log, '') || @chunk, attempt_log = @attemptLog, progress = NULL, status = NULL, lost_owner = NULL, lost_started_at = NULL
        WHERE {Held}
        """;

    /// <summary>
    /// With a single writer: lets the dependents of the jobs in <c>@ids</c> (a JSON array of jobs just recorded as
    /// completed) run, in the completions' transaction. (With row locks <see cref="FinishMany"/> does it.)
    /// </summary>
    public const string ReleaseDependentsOf =
        "UPDATE baas_job SET waiting_for = NULL WHERE waiting_for IS NOT NULL AND waiting_for IN (SELECT value FROM json_each(@ids))";

    /// <summary>Lets jobs run whose dependency completed (a sweep that also catches a dependency completed while the dependent was being enqueued).</summary>
    public const string ReleaseWaiting = """
        UPDATE baas_job SET waiting_for = NULL
        WHERE waiting_for IS NOT NULL AND waiting_for IN (SELECT p.id FROM baas_job p WHERE p.state = @completed)
        """;

    /// <summary>Ends queued jobs whose dependency ended in <c>@parentState</c> with <c>@state</c>.</summary>
    public const string EndWaiting = """
        UPDATE baas_job SET state = @state, completed_at = @now, error_code = @errorCode, error_message = @errorMessage
        WHERE state = @queued AND waiting_for IS NOT NULL AND waiting_for IN (SELECT p.id FROM baas_job p WHERE p.state = @parentState)
        """;

    /// <summary>Started jobs whose lease expired and that may not be retried (out of attempts, or cancelled).</summary>
    public const string SelectDead = """
        SELECT * FROM baas_job
        WHERE state = @started AND lease_expires_at < @now AND (cancel_requested = @yes OR attempts > retry_limit)
        """;

    /// <summary>Ends one such job, if it is still dead.</summary>
    public const string EndDead = """
        UPDATE baas_job SET state = @state, completed_at = @now, lease_expires_at = NULL, error_code = @errorCode,
          error_message = @errorMessage, attempt_log = @attemptLog, lost_owner = NULL, lost_started_at = NULL
        WHERE id = @id AND state = @started AND lease_expires_at < @now AND attempts = @attempt
        """;

    /// <summary>
    /// Indexes of the live queue beyond the key and the RefId: the claim order, a worker's line, dependents, finishing
    /// times. Few on purpose: on PostgreSQL every change of state writes a new entry in each index, and a job changes
    /// state three times; filters by command or tag scan the (small) live queue, and are indexed in the archives.
    /// </summary>
    public static readonly string[] LiveIndexes =
    [
        "CREATE INDEX IF NOT EXISTS ix_baas_job_claim ON baas_job (state, priority DESC, id)",
        "CREATE INDEX IF NOT EXISTS ix_baas_job_worker ON baas_job (worker, id) WHERE worker IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS ix_baas_job_waiting_for ON baas_job (waiting_for) WHERE waiting_for IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS ix_baas_job_completed_at ON baas_job (completed_at) WHERE completed_at IS NOT NULL",
    ];
}
