using BaaS.Data;

namespace BaaS.Ui.Database;

/// <summary>
/// Reads what tables a database has, as the database itself says (not from the app's models, so tables no model
/// declares are listed too), and counts their rows. One reader per engine, chosen by the dialect's name.
/// </summary>
internal abstract class SchemaReader
{
    /// <summary>Tables estimated at this many rows or more are not counted on PostgreSQL: their estimate is given.</summary>
    public const long CountBelow = 10_000;

    /// <summary>Compound SELECTs are cut into pieces of this many tables (SQLite allows 500 terms).</summary>
    private const int CountChunk = 200;

    /// <summary>The reader for the connection's engine.</summary>
    public static SchemaReader For(DialectProvider dialect) => dialect.Name switch
    {
        "SQLite" => new SqliteSchemaReader(),
        "PostgreSQL" => new PostgreSqlSchemaReader(),
        _ => throw new HttpError(501, "NotImplemented", $"The database page cannot read the schema of a {dialect.Name} database yet."),
    };

    /// <summary>The tables with their columns (row counts not filled), by schema then name.</summary>
    public abstract Task<List<SchemaTable>> ReadTablesAsync(DataConnection db, CancellationToken ct);

    /// <summary>How a table is written in SQL: its name, or schema and name, quoted by the dialect.</summary>
    public abstract string QuoteTable(DataConnection db, DatabaseTable table);

    /// <summary>
    /// Fills each table's row count: counted with <c>count(*)</c> unless the table's <see cref="SchemaTable.Estimate"/>
    /// is at least <see cref="CountBelow"/>, in which case the estimate is given and marked as one.
    /// </summary>
    public async Task CountRowsAsync(DataConnection db, IReadOnlyList<SchemaTable> tables, CancellationToken ct)
    {
        var counted = new List<SchemaTable>();
        foreach (var table in tables)
        {
            if (table.Estimate is { } estimate && estimate >= CountBelow)
            {
                table.Table.RowCount = (long)estimate;
                table.Table.RowCountIsEstimate = true;
            }
            else counted.Add(table);
        }
        // SELECT 0, count(*) FROM "restaurant" UNION ALL SELECT 1, count(*) FROM "menu_item" ...: one round trip per chunk;
        // the names come from the database's own catalogue, quoted, and the numbers are positions in this list.
        for (var start = 0; start < counted.Count; start += CountChunk)
        {
            var chunk = counted.Skip(start).Take(CountChunk).ToList();
            var sql = string.Join(" UNION ALL ", chunk.Select((t, i) => $"SELECT {i} AS n, count(*) AS c FROM {QuoteTable(db, t.Table)}"));
            foreach (var row in await db.SqlListAsync<object[]>(sql, null, ct).ConfigureAwait(false))
                chunk[Convert.ToInt32(row[0], System.Globalization.CultureInfo.InvariantCulture)].Table.RowCount =
                    Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>A table as read, with the engine's row estimate when it keeps one.</summary>
internal sealed record SchemaTable(DatabaseTable Table, double? Estimate);
