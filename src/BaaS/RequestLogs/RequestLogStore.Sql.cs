using System.Text;
using BaaS.Data;

namespace BaaS.RequestLogs;

internal sealed partial class RequestLogStore
{
    /// <summary>
    /// The statements of one database, identifiers from the models' metadata quoted by its dialect; every value is a
    /// parameter. The aggregates' upsert, for two rows:
    /// <code>
    /// INSERT INTO "baas_request_stat" ("span", "dimension", ..., "h39") VALUES (@s0, @d0, ..., @h0_39), (@s1, @d1, ..., @h1_39)
    /// ON CONFLICT ("span", "dimension", "start_minute", "dimension_value") DO UPDATE SET
    ///   "label" = COALESCE(excluded."label", "baas_request_stat"."label"),
    ///   "requests" = "baas_request_stat"."requests" + excluded."requests", ...
    /// </code>
    /// </summary>
    private sealed class Sql
    {
        public Sql(DialectProvider dialect)
        {
            var log = ModelDefinition.For<RequestLog>();
            var stat = ModelDefinition.For<RequestStatRecord>();
            string Q(string name) => dialect.QuoteIdentifier(name);
            string L(string property) => Q(log.GetField(property).ColumnName);
            string S(string property) => Q(stat.GetField(property).ColumnName);
            var logTable = dialect.QuoteTable(log);
            StatTable = dialect.QuoteTable(stat);

            DeleteLogs = $"DELETE FROM {logTable} WHERE {L("Id")} IN (SELECT {L("Id")} FROM {logTable} WHERE {L("Timestamp")} < @cutoff LIMIT @n)";
            DeleteStats = $"DELETE FROM {StatTable} WHERE {S("Id")} IN " +
                          $"(SELECT {S("Id")} FROM {StatTable} WHERE {S("Span")} = @span AND {S("StartMinute")} < @cutoff LIMIT @n)";


            StatColumns = [.. stat.Fields.Where(f => f != stat.PrimaryKey).Select(f => f.Name)];
            _values = [.. StatColumns.Select(ValueOf)];
            InsertStatsHead = $"INSERT INTO {StatTable} ({string.Join(", ", StatColumns.Select(S))}) VALUES ";
            var keys = new[] { "Span", "Dimension", "StartMinute", "DimensionValue" };
            var label = S("Label");
            var sums = StatColumns.Where(c => !keys.Contains(c) && c != "Label").Select(c => $"{S(c)} = {StatTable}.{S(c)} + excluded.{S(c)}");
            InsertStatsTail = $" ON CONFLICT ({string.Join(", ", keys.Select(S))}) DO UPDATE SET " +
                              $"{label} = COALESCE(excluded.{label}, {StatTable}.{label}), " + string.Join(", ", sums);

            // Sums of the counters and buckets, named as RequestStatRecord's columns so the rows read back into it.
            var counters = new[] { "Requests", "Errors", "ServerErrors" }.Concat(Enumerable.Range(0, DurationHistogram.Count).Select(i => $"H{i:00}"));
            var sumList = string.Join(", ", counters.Select(c => $"CAST(SUM({S(c)}) AS BIGINT) AS {S(c)}")) + $", SUM({S("TotalMs")}) AS {S("TotalMs")}";
            var range = $"{S("Span")} = @span AND {S("Dimension")} = @dimension AND {S("StartMinute")} >= @from AND {S("StartMinute")} < @to";
            // Series: one row per bucket (bucket = start minute / minutes per bucket, the same integer division on both databases).
            Series = $"SELECT {S("StartMinute")} / @bucket AS {S("StartMinute")}, {sumList} FROM {StatTable} " +
                     $"WHERE {range} AND {S("DimensionValue")} = @value GROUP BY 1";
            Groups = $"SELECT {S("DimensionValue")}, MAX({label}) AS {label}, {sumList} FROM {StatTable} WHERE {range} GROUP BY {S("DimensionValue")}";
            // The busiest values first, summing one column only; then every sum of those few (a month of users is
            // hundreds of thousands of rows, and summing 44 columns of each costs seconds on SQLite).
            TopValues = $"SELECT {S("DimensionValue")} FROM {StatTable} WHERE {range} GROUP BY {S("DimensionValue")} " +
                        $"ORDER BY SUM({S("Requests")}) DESC, {S("DimensionValue")} LIMIT @take";
            _groupsOfValues = $"SELECT {S("DimensionValue")}, MAX({label}) AS {label}, {sumList} FROM {StatTable} WHERE {range} AND {S("DimensionValue")} IN ";
            _groupBy = $" GROUP BY {S("DimensionValue")}";
        }

        private readonly Func<RequestStatRecord, object?>[] _values;

        public string StatTable { get; }

        /// <summary>Deletes up to @n rows of the log older than @cutoff.</summary>
        public string DeleteLogs { get; }

        /// <summary>Deletes up to @n aggregates of span @span older than minute @cutoff.</summary>
        public string DeleteStats { get; }

        /// <summary>The aggregate columns written, as property names, in order.</summary>
        public IReadOnlyList<string> StatColumns { get; }

        public string InsertStatsHead { get; }

        public string InsertStatsTail { get; }

        /// <summary>Per-bucket sums of one dimension value (@span, @dimension, @value, @from, @to, @bucket).</summary>
        public string Series { get; }

        /// <summary>Sums per value of one dimension (@span, @dimension, @from, @to).</summary>
        public string Groups { get; }

        /// <summary>The @take values with the most calls (@span, @dimension, @from, @to, @take).</summary>
        public string TopValues { get; }

        private readonly string _groupsOfValues;
        private readonly string _groupBy;

        /// <summary>Sums of <paramref name="count"/> values of one dimension (@span, @dimension, @from, @to, @v0, @v1...).</summary>
        public string GroupsOf(int count) =>
            _groupsOfValues + "(" + string.Join(", ", Enumerable.Range(0, count).Select(i => "@v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")" + _groupBy;

        /// <summary>The upsert of <paramref name="rows"/> aggregates, with their parameters.</summary>
        public (string Sql, Dictionary<string, object?> Parameters) UpsertStats(IReadOnlyList<RequestStatRecord> rows)
        {
            var sql = new StringBuilder(InsertStatsHead);
            var parameters = new Dictionary<string, object?>(rows.Count * StatColumns.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < StatColumns.Count; c++)
                {
                    var name = ParameterName(r, c);
                    if (c > 0) sql.Append(", ");
                    sql.Append(name);
                    parameters[name[1..]] = _values[c](rows[r]);
                }
                sql.Append(')');
            }
            return (sql.Append(InsertStatsTail).ToString(), parameters);
        }

        /// <summary>The parameter of column <paramref name="column"/> of row <paramref name="row"/> in <see cref="UpsertStats"/>: <c>@p0_3</c>.</summary>
        public static string ParameterName(int row, int column) =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"@p{row}_{column}");

        /// <summary>Sets the parameters of a single-row <see cref="UpsertStats"/> (in its order) to <paramref name="stat"/>'s values.</summary>
        public void BindStat(RequestStatRecord stat, IReadOnlyList<System.Data.Common.DbParameter> parameters)
        {
            for (var c = 0; c < _values.Length; c++) parameters[c].Value = _values[c](stat) ?? DBNull.Value;
        }

        private static Func<RequestStatRecord, object?> ValueOf(string column)
        {
            if (column.Length == 3 && column[0] == 'H')
            {
                var bucket = int.Parse(column.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
                return row => row.Bucket(bucket);
            }
            return column switch
            {
                nameof(RequestStatRecord.Span) => row => row.Span,
                nameof(RequestStatRecord.Dimension) => row => row.Dimension,
                nameof(RequestStatRecord.DimensionValue) => row => row.DimensionValue,
                nameof(RequestStatRecord.StartMinute) => row => row.StartMinute,
                nameof(RequestStatRecord.Label) => row => row.Label,
                nameof(RequestStatRecord.Requests) => row => row.Requests,
                nameof(RequestStatRecord.Errors) => row => row.Errors,
                nameof(RequestStatRecord.ServerErrors) => row => row.ServerErrors,
                nameof(RequestStatRecord.TotalMs) => row => row.TotalMs,
                _ => throw new InvalidOperationException($"RequestStatRecord has no column {column}."),
            };
        }
    }
}
