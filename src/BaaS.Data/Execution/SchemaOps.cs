namespace BaaS.Data;

/// <summary>DDL from model metadata: create and drop tables with their keys, indexes and foreign keys.</summary>
internal static class SchemaOps
{
    public static async ValueTask CreateTable(DataConnection db, ModelDefinition model, bool ifNotExists, bool async, CancellationToken ct)
    {
        var d = db.Dialect;
        if (!ifNotExists || !d.Capabilities.AdvisoryLocks)
        {
            await Create().ConfigureAwait(false);
            return;
        }
        // PostgreSQL's IF NOT EXISTS is not safe against a concurrent creator (two nodes starting together: one fails on
        // pg_class's unique index). Creators of the same table take turns on an advisory lock named after it, held to the
        // end of the transaction: the open one, or one of its own.
        var own = db.Transaction == null ? (async ? await db.BeginTransactionAsync(ct).ConfigureAwait(false) : db.BeginTransaction()) : null;
        try
        {
            var key = new { key = LockKey(model) };
            if (async) await db.ExecuteSqlAsync(d.AdvisoryTransactionLockSql("key"), key, ct).ConfigureAwait(false);
            else db.ExecuteSql(d.AdvisoryTransactionLockSql("key"), key);
            await Create().ConfigureAwait(false);
            if (own != null)
            {
                if (async) await own.CommitAsync(ct).ConfigureAwait(false);
                else own.Commit();
            }
        }
        finally
        {
            if (own != null)
            {
                if (async) await own.DisposeAsync().ConfigureAwait(false);
                else own.Dispose();
            }
        }

        async ValueTask Create()
        {
            await Executor.ExecuteAllAsync(db, d.PrepareTableStatements(model), async, ct).ConfigureAwait(false);
            await Executor.ExecuteAllAsync(db, d.CreateTableStatements(model, ifNotExists), async, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The same number on every node for the same table (FNV-1a of its schema and name; string hashes vary per process).</summary>
    private static long LockKey(ModelDefinition model)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in "baas.create-table:" + model.Schema + "." + model.TableName)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return unchecked((long)hash);
    }

    public static ValueTask<int> DropTable(DataConnection db, ModelDefinition model, bool ifExists, bool async, CancellationToken ct) =>
        Executor.ExecuteAsync(db, db.Dialect.DropTableStatement(model, ifExists), [], async, ct);

    public static async ValueTask<bool> TableExists(DataConnection db, string table, string? schema, bool async, CancellationToken ct)
    {
        var w = new SqlWriter();
        db.Dialect.WriteTableExists(w, table, schema);
        var (sql, ps) = w.Render(db.Dialect);
        return await Executor.ScalarAsync(db, sql, ps, async, ct).ConfigureAwait(false) != null;
    }

    public static ValueTask<bool> ColumnExists(DataConnection db, ModelDefinition model, string column, bool async, CancellationToken ct) =>
        ColumnExists(db, model.TableName, model.Schema, column, async, ct);

    public static async ValueTask<bool> ColumnExists(DataConnection db, string table, string? schema, string column, bool async, CancellationToken ct)
    {
        var w = new SqlWriter();
        db.Dialect.WriteColumnExists(w, table, schema, column);
        var (sql, ps) = w.Render(db.Dialect);
        return await Executor.ScalarAsync(db, sql, ps, async, ct).ConfigureAwait(false) != null;
    }

    /// <summary>Rows of a schema query as raw values (DBNull as null), parameters <c>@p0</c>.. bound by their own types.</summary>
    public static ValueTask<List<object?[]>> Rows(DataConnection db, string sql, object?[] args, bool async, CancellationToken ct) =>
        Executor.QueryAsync(db, sql, args.Select(a => new QueryParam(a, null)).ToArray(), r =>
        {
            var values = new object?[r.FieldCount];
            for (var i = 0; i < values.Length; i++) values[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            return values;
        }, async, ct);

    /// <summary>Runs a schema statement with parameters bound by their own types.</summary>
    public static ValueTask<int> Run(DataConnection db, string sql, object?[] args, bool async, CancellationToken ct) =>
        Executor.ExecuteAsync(db, sql, args.Select(a => new QueryParam(a, null)).ToArray(), async, ct);
}
