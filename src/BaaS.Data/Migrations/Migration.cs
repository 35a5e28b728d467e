namespace BaaS.Data;

/// <summary>
/// One step of the schema's history. Name the class <c>Migration{Number}_{Description}</c>
/// (<c>Migration0001_CreateRestaurants</c>): the number orders the steps, the class name is what the migrations
/// table records. <see cref="UpAsync"/> and <see cref="DownAsync"/> run inside a transaction on <see cref="Db"/>
/// that the <see cref="Migrator"/> opens and commits; if either throws, nothing of it stays.
/// </summary>
public abstract class Migration
{
    /// <summary>The connection, inside the migration's transaction: use the typed API or <see cref="ExecuteSqlAsync"/>.</summary>
    public DataConnection Db { get; internal set; } = null!;

    /// <summary>
    /// Whether this migration rebuilds tables that other tables refer to (on SQLite, <c>ConvertDecimalColumnsAsync</c>
    /// on such a table). When true, on SQLite the <see cref="Migrator"/> turns foreign-key enforcement off before the
    /// migration's transaction, checks every foreign key before committing (a violation rolls it back), and turns
    /// enforcement on again: SQLite's documented way to rebuild a table without running other tables' ON DELETE
    /// actions. No effect on PostgreSQL.
    /// </summary>
    public virtual bool RebuildsTables => false;

    /// <summary>Applies the change.</summary>
    public abstract Task UpAsync(CancellationToken ct);

    /// <summary>Reverts the change; by default there is no way back and rolling back this migration fails.</summary>
    public virtual Task DownAsync(CancellationToken ct) =>
        throw new NotSupportedException($"{GetType().Name} does not define DownAsync, so it cannot be rolled back.");

    /// <summary>Runs raw SQL (DDL, data fixes) with parameters from <paramref name="param"/>.</summary>
    protected Task<int> ExecuteSqlAsync(string sql, object? param = null, CancellationToken ct = default) =>
        Db.ExecuteSqlAsync(sql, param, ct);
}
