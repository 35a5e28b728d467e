using BaaS.Data;

namespace BaaS.Ui.Database;

/// <summary>
/// PostgreSQL's tables from <c>pg_catalog</c>: the ordinary and partitioned tables of the connection's current
/// schemas (<c>current_schemas(false)</c>, the search path's schemas that exist), with the planner's row estimate.
/// </summary>
internal sealed class PostgreSqlSchemaReader : SchemaReader
{
    private const string ColumnsSql = """
        SELECT n.nspname, c.relname, c.reltuples::float8, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid), a.attidentity::text,
               EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND a.attnum = ANY (i.indkey))
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (current_schemas(false))
        ORDER BY a.attnum
        """;

    private const string ForeignKeysSql = """
        SELECT n.nspname, c.relname, a.attname, fn.nspname, fc.relname, fa.attname
        FROM pg_constraint co
        JOIN pg_class c ON c.oid = co.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_class fc ON fc.oid = co.confrelid
        JOIN pg_namespace fn ON fn.oid = fc.relnamespace
        JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = co.conkey[1]
        JOIN pg_attribute fa ON fa.attrelid = co.confrelid AND fa.attnum = co.confkey[1]
        WHERE co.contype = 'f' AND cardinality(co.conkey) = 1 AND n.nspname = ANY (current_schemas(false))
        """;

    public override async Task<List<SchemaTable>> ReadTablesAsync(DataConnection db, CancellationToken ct)
    {
        var tables = new Dictionary<(string, string), SchemaTable>();
        foreach (var row in await db.SqlListAsync<object[]>(ColumnsSql, null, ct).ConfigureAwait(false))
        {
            var key = ((string)row[0], (string)row[1]);
            if (!tables.TryGetValue(key, out var table))
            {
                // reltuples is -1 for a table never vacuumed or analyzed: no estimate, so it is counted.
                var estimate = row[2] is double e && e >= 0 ? e : (double?)null;
                tables[key] = table = new SchemaTable(new DatabaseTable { Schema = key.Item1, Name = key.Item2 }, estimate);
            }
            var identity = row[7] as string;
            table.Table.Columns.Add(new DatabaseColumn
            {
                Name = (string)row[3], DataType = (string)row[4], IsNullable = !(bool)row[5],
                Default = row[6] as string ?? (identity is "a" or "d" ? "identity" : null), IsPrimaryKey = (bool)row[8],
            });
        }
        foreach (var fk in await db.SqlListAsync<object[]>(ForeignKeysSql, null, ct).ConfigureAwait(false))
        {
            if (!tables.TryGetValue(((string)fk[0], (string)fk[1]), out var table)) continue;
            var column = table.Table.Columns.Find(c => c.Name == (string)fk[2]);
            if (column is null) continue;
            column.References = ((string)fk[3] == (string)fk[0] ? "" : fk[3] + ".") + fk[4] + "." + fk[5];
        }
        return [.. tables.Values.OrderBy(t => t.Table.Schema, StringComparer.Ordinal).ThenBy(t => t.Table.Name, StringComparer.Ordinal)];
    }

    public override string QuoteTable(DataConnection db, DatabaseTable table) =>
        db.Dialect.QuoteIdentifier(table.Schema) + "." + db.Dialect.QuoteIdentifier(table.Name);
}
