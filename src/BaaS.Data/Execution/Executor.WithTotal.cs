using System.Data;
using System.Data.Common;

namespace BaaS.Data;

internal static partial class Executor
{
    /// <summary>
    /// Reads a page of rows and the count of the whole query in one command, so one round trip: a <see cref="DbBatch"/>
    /// of the two statements where the driver batches (Npgsql; each statement is prepared on its own), else one command
    /// holding both (SQLite). <paramref name="read"/> null chooses the materialiser from the page's columns.
    /// </summary>
    // SQLite, one command whose count reuses the page's first parameters (they are the same WHERE):
    //   SELECT ... FROM "order" WHERE ("order"."total" > @p0) ORDER BY ... LIMIT @p1 OFFSET @p2;
    //   SELECT COUNT(*) FROM "order" WHERE ("order"."total" > @p0)
    public static async ValueTask<(List<T> Rows, long Total)> QueryWithTotalAsync<T>(DataConnection db,
        (string Sql, QueryParam[] Params) page, (string Sql, QueryParam[] Params) count, Func<DbDataReader, T>? read,
        bool async, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var sql = page.Sql + ";\n" + count.Sql;
        if (db.CanCreateBatch)
        {
            await using var batch = db.CreateBatch();
            AddStatement(db, batch, page.Sql, page.Params);
            AddStatement(db, batch, count.Sql, count.Params);
            db.LastSql = sql;
            return await ReadBothAsync(db, sql, page.Sql, () => batch.ExecuteReader(CommandBehavior.SequentialAccess),
                c => batch.ExecuteReaderAsync(CommandBehavior.SequentialAccess, c), read, async, ct).ConfigureAwait(false);
        }
        if (!StartsWith(page.Params, count.Params))
        {
            // The statements would need parameters of their own under the same names: run them one after the other.
            var rows = read == null
                ? await QueryDynamicAsync<T>(db, page.Sql, page.Params, async, ct).ConfigureAwait(false)
                : await QueryAsync(db, page.Sql, page.Params, read, async, ct).ConfigureAwait(false);
            return (rows, Convert.ToInt64(await ScalarAsync(db, count.Sql, count.Params, async, ct).ConfigureAwait(false)));
        }
        await using var command = CreateCommand(db, sql, page.Params);
        return await ReadBothAsync(db, sql, page.Sql, () => command.ExecuteReader(CommandBehavior.SequentialAccess),
            c => command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, c), read, async, ct).ConfigureAwait(false);
    }

    // Runs the batch or command (sync or async, as the dialect does), reads the page and then the count, and turns the
    // driver's errors into the platform's as every other read does.
    private static async ValueTask<(List<T> Rows, long Total)> ReadBothAsync<T>(DataConnection db, string sql, string pageSql,
        Func<DbDataReader> open, Func<CancellationToken, Task<DbDataReader>> openAsync, Func<DbDataReader, T>? read,
        bool async, CancellationToken ct)
    {
        using var activity = DataTelemetry.Start(db, sql);
        try
        {
            if (!async)
            {
                using var syncReader = open();
                return Sync(ReadRowsAndCountAsync(db, syncReader, pageSql, read, false, ct));
            }
            await using var reader = await openAsync(ct).ConfigureAwait(false);
            return await ReadRowsAndCountAsync(db, reader, pageSql, read, true, ct).ConfigureAwait(false);
        }
        catch (DbException ex) when (DataTelemetry.Failed(activity, ex) && db.RecordFailure(sql) && db.Dialect.TranslateException(ex, sql) is { } translated)
        {
            throw translated;
        }
    }

    private static void AddStatement(DataConnection db, DbBatch batch, string sql, QueryParam[] ps)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = sql;
        for (var i = 0; i < ps.Length; i++) db.Dialect.AddParameter(command, i, ps[i].Value, ps[i].Field);
        batch.BatchCommands.Add(command);
    }

    private static async ValueTask<(List<T> Rows, long Total)> ReadRowsAndCountAsync<T>(DataConnection db, DbDataReader reader,
        string pageSql, Func<DbDataReader, T>? read, bool async, CancellationToken ct)
    {
        read ??= Materializer.ForRawSql<T>(db.Dialect, pageSql, reader);
        var rows = new List<T>();
        if (async) while (await reader.ReadAsync(ct).ConfigureAwait(false)) rows.Add(read(reader));
        else while (reader.Read()) rows.Add(read(reader));
        var next = async ? await reader.NextResultAsync(ct).ConfigureAwait(false) : reader.NextResult();
        var hasRow = next && (async ? await reader.ReadAsync(ct).ConfigureAwait(false) : reader.Read());
        if (!hasRow) throw new InvalidOperationException("The count of a page with its total returned no row.");
        return (rows, Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
    }

    // Whether the count's parameters are the page's first ones (same values for the same fields), so that the names
    // @p0... written in both statements bind the same values.
    private static bool StartsWith(QueryParam[] page, QueryParam[] count)
    {
        if (count.Length > page.Length) return false;
        for (var i = 0; i < count.Length; i++)
            if (!ReferenceEquals(page[i].Field, count[i].Field) || !Equals(page[i].Value, count[i].Value)) return false;
        return true;
    }
}
