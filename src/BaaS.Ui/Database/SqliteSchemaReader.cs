using System.Globalization;
using BaaS.Data;

namespace BaaS.Ui.Database;

/// <summary>SQLite's tables from <c>sqlite_master</c> with <c>pragma_table_info</c> and <c>pragma_foreign_key_list</c>.</summary>
internal sealed class SqliteSchemaReader : SchemaReader
{
    private const string ColumnsSql = """
        SELECT m.name, p.name, p.type, p."notnull", p.dflt_value, p.pk
        FROM sqlite_master m JOIN pragma_table_info(m.name) p
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
        ORDER BY m.name, p.cid
        """;

    private const string ForeignKeysSql = """
        SELECT m.name, f.id, f."from", f."table", f."to"
        FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
        """;

    public override async Task<List<SchemaTable>> ReadTablesAsync(DataConnection db, CancellationToken ct)
    {
        var tables = new Dictionary<string, DatabaseTable>(StringComparer.Ordinal);
        var primaryKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in await db.SqlListAsync<object[]>(ColumnsSql, null, ct).ConfigureAwait(false))
        {
            var name = (string)row[0];
            if (!tables.TryGetValue(name, out var table)) tables[name] = table = new DatabaseTable { Name = name, Schema = "main" };
            var pk = Convert.ToInt32(row[5], CultureInfo.InvariantCulture) > 0;
            var type = row[2] as string ?? "";
            table.Columns.Add(new DatabaseColumn
            {
                Name = (string)row[1], DataType = type, IsPrimaryKey = pk, Default = row[4] as string,
                IsNullable = Convert.ToInt64(row[3], CultureInfo.InvariantCulture) == 0 && !pk,
            });
            if (pk) primaryKeys[name] = primaryKeys.GetValueOrDefault(name) + 1;
        }

        // A foreign key of several columns names no single target, so only single-column ones are shown; one without
        // a target column points to the other table's primary key.
        var foreignKeys = (await db.SqlListAsync<object[]>(ForeignKeysSql, null, ct).ConfigureAwait(false))
            .GroupBy(r => ((string)r[0], Convert.ToInt64(r[1], CultureInfo.InvariantCulture)))
            .Where(g => g.Count() == 1)
            .Select(g => g.Single());
        foreach (var fk in foreignKeys)
        {
            if (!tables.TryGetValue((string)fk[0], out var table)) continue;
            var column = table.Columns.Find(c => c.Name == (string)fk[2]);
            var target = (string)fk[3];
            var targetColumn = fk[4] as string
                ?? (tables.TryGetValue(target, out var other) ? other.Columns.Find(c => c.IsPrimaryKey)?.Name : null);
            if (column is not null && targetColumn is not null) column.References = target + "." + targetColumn;
        }
        return [.. tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new SchemaTable(t, null))];
    }

    public override string QuoteTable(DataConnection db, DatabaseTable table) => db.Dialect.QuoteIdentifier(table.Name);
}
