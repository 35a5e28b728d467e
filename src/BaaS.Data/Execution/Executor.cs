using System.Data;
using System.Data.Common;

namespace BaaS.Data;

/// <summary>
/// Runs statements on a <see cref="DataConnection"/>: creates the command (joining the open transaction), binds
/// parameters through the dialect, reads rows, and turns driver errors into typed exceptions. Every method takes
/// <c>async</c>: false runs the driver's synchronous calls (the sync API, and SQLite everywhere), so the returned
/// ValueTask has already completed and the sync API can take its result without blocking.
/// </summary>
internal static partial class Executor
{
    // Materialisers read each column once, in order: sequential access lets Npgsql stream rows instead of buffering them.
    private const CommandBehavior Sequential = CommandBehavior.SequentialAccess | CommandBehavior.SingleResult;

    public static bool UseAsync(DataConnection db, bool asyncRequested) => asyncRequested && db.Dialect.UseAsyncIO;

    public static DbCommand CreateCommand(DataConnection db, string sql, QueryParam[] ps)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        var dialect = db.Dialect;
        for (var i = 0; i < ps.Length; i++) dialect.AddParameter(command, i, ps[i].Value, ps[i].Field);
        db.LastSql = sql;
        return command;
    }

    public static async ValueTask<List<T>> QueryAsync<T>(DataConnection db, string sql, QueryParam[] ps,
        Func<DbDataReader, T> read, bool async, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var command = CreateCommand(db, sql, ps);
        using var activity = DataTelemetry.Start(db, sql);
        try
        {
            var list = new List<T>();
            if (async)
            {
                await using var reader = await command.ExecuteReaderAsync(Sequential, ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false)) list.Add(read(reader));
            }
            else
            {
                using var reader = command.ExecuteReader(Sequential);
                while (reader.Read()) list.Add(read(reader));
            }
            return list;
        }
        catch (DbException ex) when (DataTelemetry.Failed(activity, ex) && db.RecordFailure(sql) && db.Dialect.TranslateException(ex, sql) is { } translated)
        {
            throw translated;
        }
    }

    public static async ValueTask<T?> QueryFirstAsync<T>(DataConnection db, string sql, QueryParam[] ps,
        Func<DbDataReader, T> read, bool async, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var command = CreateCommand(db, sql, ps);
        using var activity = DataTelemetry.Start(db, sql);
        try
        {
            if (async)
            {
                await using var reader = await command.ExecuteReaderAsync(Sequential | CommandBehavior.SingleRow, ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false) ? read(reader) : default;
            }
            using var syncReader = command.ExecuteReader(Sequential | CommandBehavior.SingleRow);
            return syncReader.Read() ? read(syncReader) : default;
        }
        catch (DbException ex) when (DataTelemetry.Failed(activity, ex) && db.RecordFailure(sql) && db.Dialect.TranslateException(ex, sql) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>A command for raw SQL with parameters taken from an object's properties or a dictionary.</summary>
    private static DbCommand CreateRawCommand(DataConnection db, string sql, object? param)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        RawParameters.Bind(db.Dialect, command, param);
        db.LastSql = sql;
        return command;
    }

    /// <summary>Raw SQL: the materialiser is chosen from the result's columns on first use and cached per statement.</summary>
    public static async ValueTask<List<T>> QueryRawAsync<T>(DataConnection db, string sql, object? param,
        bool async, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var command = CreateRawCommand(db, sql, param);
        return await ReadByColumnsAsync<T>(db, command, sql, async, ct).ConfigureAwait(false);
    }

    /// <summary>Generated SQL read into another type: the materialiser is chosen from the result's columns and cached per statement.</summary>
    public static async ValueTask<List<T>> QueryDynamicAsync<T>(DataConnection db, string sql, QueryParam[] ps,
        bool async, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var command = CreateCommand(db, sql, ps);
        return await ReadByColumnsAsync<T>(db, command, sql, async, ct).ConfigureAwait(false);
    }

    private static async ValueTask<List<T>> ReadByColumnsAsync<T>(DataConnection db, DbCommand command, string sql, bool async, CancellationToken ct)
    {
        using var activity = DataTelemetry.Start(db, sql);
        try
        {
            var list = new List<T>();
            if (async)
            {
                await using var reader = await command.ExecuteReaderAsync(Sequential, ct).ConfigureAwait(false);
                var read = Materializer.ForRawSql<T>(db.Dialect, sql, reader);
                while (await reader.ReadAsync(ct).ConfigureAwait(false)) list.Add(read(reader));
            }
            else
            {
                using var reader = command.ExecuteReader(Sequential);
                var read = Materializer.ForRawSql<T>(db.Dialect, sql, reader);
                while (reader.Read()) list.Add(read(reader));
            }
            return list;
        }
        catch (DbException ex) when (DataTelemetry.Failed(activity, ex) && db.RecordFailure(sql) && db.Dialect.TranslateException(ex, sql) is { } translated)
        {
            throw translated;
        }
    }

    public static async ValueTask<int> ExecuteRawAsync(DataConnection db, string sql, object? param, bool async, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var command = CreateRawCommand(db, sql, param);
        using var activity = DataTelemetry.Start(db, sql);
        try
        {
            return async ? await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) : command.ExecuteNonQuery();
        }
        catch (DbException ex) when (DataTelemetry.Failed(activity, ex) && db.RecordFailure(sql) && db.Dialect.TranslateException(ex, sql) is { } translated)
        {
            throw translated;
        }
    }

    public static async ValueTask<object?> ScalarRawAsync(DataConnection db, string sql, object? param, bool async, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var command = CreateRawCommand(db, sql, param);
        using var activity = DataTelemetry.Start(db, sql);
        try
        {
            return async ? await command.ExecuteScalarAsync(ct).ConfigureAwait(false) : command.ExecuteScalar();
        }
        catch (DbException ex) when (DataTelemetry.Failed(activity, ex) && db.RecordFailure(sql) && db.Dialect.TranslateException(ex, sql) is { } translated)
        {
            throw translated;
        }
    }

    public static async ValueTask<int> ExecuteAsync(DataConnection db, string sql, QueryParam[] ps, bool async, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var command = CreateCommand(db, sql, ps);
        using var activity = DataTelemetry.Start(db, sql);
        try
        {
            return async ? await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) : command.ExecuteNonQuery();
        }
        catch (DbException ex) when (DataTelemetry.Failed(activity, ex) && db.RecordFailure(sql) && db.Dialect.TranslateException(ex, sql) is { } translated)
        {
            throw translated;
        }
    }

    public static async ValueTask<object?> ScalarAsync(DataConnection db, string sql, QueryParam[] ps, bool async, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var command = CreateCommand(db, sql, ps);
        using var activity = DataTelemetry.Start(db, sql);
        try
        {
            var value = async ? await command.ExecuteScalarAsync(ct).ConfigureAwait(false) : command.ExecuteScalar();
            return value is DBNull ? null : value;
        }
        catch (DbException ex) when (DataTelemetry.Failed(activity, ex) && db.RecordFailure(sql) && db.Dialect.TranslateException(ex, sql) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Runs several statements in order (DDL), reporting the one that failed.</summary>
    public static async ValueTask ExecuteAllAsync(DataConnection db, IEnumerable<string> statements, bool async, CancellationToken ct)
    {
        foreach (var sql in statements) await ExecuteAsync(db, sql, [], async, ct).ConfigureAwait(false);
    }

    /// <summary>The result of a ValueTask that the synchronous path has already completed.</summary>
    public static T Sync<T>(ValueTask<T> task)
    {
        if (!task.IsCompleted) throw new InvalidOperationException("A synchronous database call did not complete synchronously.");
        return task.GetAwaiter().GetResult();
    }

    /// <inheritdoc cref="Sync{T}(ValueTask{T})"/>
    public static void Sync(ValueTask task)
    {
        if (!task.IsCompleted) throw new InvalidOperationException("A synchronous database call did not complete synchronously.");
        task.GetAwaiter().GetResult();
    }
}
