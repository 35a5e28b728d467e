namespace BaaS.Data;

/// <summary>
/// What a database can do beyond the SQL every dialect writes, for code that chooses its statements by ability rather
/// than by the database's name (BaaS.Jobs claims rows one way with row locks, another with a single writer). Each
/// capability names the SQL it promises; <see cref="None"/> promises nothing. A dialect answers its own through
/// <see cref="DialectProvider.Capabilities"/>; a copy changed with <c>with</c> describes a database that lacks one.
/// </summary>
public sealed record DialectCapabilities
{
    /// <summary>No capability at all.</summary>
    public static DialectCapabilities None { get; } = new();

    /// <summary>
    /// <c>INSERT</c>, <c>UPDATE</c> and <c>DELETE</c> can answer the rows they wrote with <c>RETURNING col, ...</c>
    /// (<c>UPDATE t SET state = 'started' WHERE ... RETURNING *</c>).
    /// </summary>
    public bool Returning { get; init; }

    /// <summary>
    /// A transaction can lock the rows it selects with <c>FOR UPDATE</c>, and pass over rows another transaction holds
    /// with <c>FOR UPDATE SKIP LOCKED</c>: how many connections take work from one table without taking the same row.
    /// </summary>
    public bool SkipLocked { get; init; }

    /// <summary>
    /// One write transaction runs at a time (SQLite): a read followed by a write in one transaction sees no other
    /// writer between them, without row locks.
    /// </summary>
    public bool SerializesWrites { get; init; }

    /// <summary>
    /// A parameter can carry an array that a statement reads as rows:
    /// <c>SELECT * FROM unnest(@ids::bigint[], @states::text[]) AS f(id, state)</c>.
    /// </summary>
    public bool ArrayParameters { get; init; }

    /// <summary>
    /// A parameter holding a JSON array (as text) can be read as rows with <c>json_each</c>:
    /// <c>... WHERE id IN (SELECT value FROM json_each(@ids))</c>.
    /// </summary>
    public bool JsonEach { get; init; }

    /// <summary>
    /// <see cref="DialectProvider.AdvisoryTransactionLockSql"/> works: a lock on a number, held until the transaction
    /// ends, that serialises work (such as creating tables) between connections using the same number.
    /// </summary>
    public bool AdvisoryLocks { get; init; }

    /// <summary>
    /// Connections can wake each other when a transaction commits (PostgreSQL's <c>LISTEN</c>/<c>NOTIFY</c>):
    /// <see cref="DialectProvider.NotifySql(string)"/> and <see cref="DialectProvider.ListenAsync"/> work.
    /// </summary>
    public bool Notifications { get; init; }

    /// <summary>The names of the capabilities present, for messages: <c>Returning, SerializesWrites, JsonEach</c>.</summary>
    public override string ToString()
    {
        var names = new List<string>();
        if (Returning) names.Add(nameof(Returning));
        if (SkipLocked) names.Add(nameof(SkipLocked));
        if (SerializesWrites) names.Add(nameof(SerializesWrites));
        if (ArrayParameters) names.Add(nameof(ArrayParameters));
        if (JsonEach) names.Add(nameof(JsonEach));
        if (AdvisoryLocks) names.Add(nameof(AdvisoryLocks));
        if (Notifications) names.Add(nameof(Notifications));
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }
}
