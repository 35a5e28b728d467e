using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace BaaS.Data.PostgreSQL;

public sealed partial class PostgreSqlDialect
{
    // Each model's COPY statement and column types, made on its first bulk insert.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ModelDefinition, (string Sql, NpgsqlDbType[] Types)> _copies = new();

    /// <summary>
    /// Streams the rows with <c>COPY "table" ("a", "b", ...) FROM STDIN (FORMAT BINARY)</c>: each value goes in the
    /// binary form of its column's type, so there is no SQL per row, no parameter objects and nothing to parse on the
    /// server. Values are converted for storage as every other write converts them (<see cref="DialectProvider.ToDbValue"/>).
    /// A failure (a constraint, a value out of range) aborts the whole COPY when it is completed; nothing is inserted.
    /// </summary>
    internal override async ValueTask<int> BulkInsert<T>(DataConnection db, ModelPlan<T> plan, IReadOnlyList<T> rows, bool async, CancellationToken ct)
    {
        if (db.Inner is not NpgsqlConnection connection) return await base.BulkInsert(db, plan, rows, async, ct).ConfigureAwait(false);
        var fields = plan.InsertFields;
        var (sql, types) = _copies.GetOrAdd(plan.Model, _ => (
            $"COPY {QuoteTable(plan.Model)} ({string.Join(", ", fields.Select(f => QuoteIdentifier(f.ColumnName)))}) FROM STDIN (FORMAT BINARY)",
            CopyTypes(fields)));
        db.LastSql = sql;
        using var activity = DataTelemetry.Start(db, sql);
        try
        {
            var importer = async ? await connection.BeginBinaryImportAsync(sql, ct).ConfigureAwait(false) : connection.BeginBinaryImport(sql);
            await using (importer.ConfigureAwait(false))
            {
                foreach (var row in rows)
                {
                    if (async) await importer.StartRowAsync(ct).ConfigureAwait(false);
                    else importer.StartRow();
                    for (var i = 0; i < fields.Length; i++)
                    {
                        var value = ToDbValue(fields[i].GetValue(row!), fields[i]);
                        if (value is DBNull)
                        {
                            if (async) await importer.WriteNullAsync(ct).ConfigureAwait(false);
                            else importer.WriteNull();
                        }
                        else if (async) await importer.WriteAsync(value, types[i], ct).ConfigureAwait(false);
                        else importer.Write(value, types[i]);
                    }
                }
                var copied = async ? await importer.CompleteAsync(ct).ConfigureAwait(false) : importer.Complete();
                return checked((int)copied);
            }
        }
        catch (DbException ex) when (DataTelemetry.Failed(activity, ex) && db.RecordFailure(sql) && TranslateException(ex, sql) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The binary COPY type of each field's column (what <see cref="ColumnType"/> creates it as).</summary>
    private static NpgsqlDbType[] CopyTypes(FieldDefinition[] fields) =>
    [
        .. fields.Select(field => field.Kind switch
        {
            DataKind.Boolean => NpgsqlDbType.Boolean,
            DataKind.Byte or DataKind.Int16 => NpgsqlDbType.Smallint,
            DataKind.Int32 => NpgsqlDbType.Integer,
            DataKind.Int64 => NpgsqlDbType.Bigint,
            DataKind.Single => NpgsqlDbType.Real,
            DataKind.Double => NpgsqlDbType.Double,
            DataKind.Decimal => NpgsqlDbType.Numeric,
            DataKind.String or DataKind.EnumString => NpgsqlDbType.Text,
            DataKind.Guid => NpgsqlDbType.Uuid,
            DataKind.DateTime or DataKind.DateTimeOffset => NpgsqlDbType.TimestampTz,
            DataKind.DateOnly => NpgsqlDbType.Date,
            DataKind.TimeOnly => NpgsqlDbType.Time,
            DataKind.TimeSpan => NpgsqlDbType.Interval,
            DataKind.EnumInt => Enum.GetUnderlyingType(field.ValueType) == typeof(long) ? NpgsqlDbType.Bigint : NpgsqlDbType.Integer,
            DataKind.Bytes => NpgsqlDbType.Bytea,
            DataKind.Json => NpgsqlDbType.Jsonb,
            _ => throw new NotSupportedException(field.ToString()),
        }),
    ];
}
