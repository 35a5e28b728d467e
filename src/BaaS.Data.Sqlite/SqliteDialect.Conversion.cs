using System.Globalization;

namespace BaaS.Data.Sqlite;

public sealed partial class SqliteDialect
{
    private const string RebuildSuffix = "__baas_rebuild";

    /// <summary>
    /// SQLite's procedure for rebuilding a table: foreign keys off (which only takes effect outside a transaction, so
    /// the Migrator runs this before beginning it), and every foreign key checked before commit.
    /// </summary>
    internal override (string Off, string On, string Check)? ForeignKeyRebuildStatements =>
        ("PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON", "PRAGMA foreign_key_check");

    /// <summary>
    /// Converts the table's decimal columns that are still exact text (<c>TEXT COLLATE BAAS_DECIMAL</c>) but whose
    /// fields now declare <c>[DecimalLength(p, s)]</c> with p &lt;= 18 into scaled integers. SQLite cannot change a
    /// column's type, so the table is rebuilt from the model in the caller's transaction: every value is checked
    /// first (nothing changes if one does not fit), then create the new table, copy the rows (same rowids), convert
    /// the values, drop the old table, rename the new one, and recreate the old table's indexes and triggers from
    /// their stored SQL and its AUTOINCREMENT counter.
    /// </summary>
    internal override async ValueTask<int> ConvertDecimalColumns(DataConnection db, ModelDefinition model, bool async, CancellationToken ct)
    {
        var table = model.TableName;
        var existing = await SchemaOps.Rows(db, "SELECT name, type FROM pragma_table_info(@p0)", [table], async, ct).ConfigureAwait(false);
        if (existing.Count == 0) throw new InvalidOperationException($"Table {table} does not exist: create it before converting its decimal columns.");
        var columns = existing.ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.OrdinalIgnoreCase);
        var convert = model.Fields.Where(f => DecimalStorageScale(f) != null && columns.TryGetValue(f.ColumnName, out var type)
                                              && !type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase)).ToList();
        if (convert.Count == 0) return 0;
        CheckSameColumns(model, columns.Keys);

        // Every value is converted before anything changes, so a value that does not fit stops the conversion cleanly.
        var key = model.PrimaryKey;
        var selected = string.Join(", ", convert.Select(f => QuoteIdentifier(f.ColumnName)));
        var rows = await SchemaOps.Rows(db,
            $"SELECT rowid, {(key == null ? "rowid" : QuoteIdentifier(key.ColumnName))}, {selected} FROM {QuoteIdentifier(table)}", [], async, ct).ConfigureAwait(false);
        var updates = new List<(long RowId, long?[] Values)>(rows.Count);
        foreach (var row in rows)
        {
            var values = new long?[convert.Count];
            for (var i = 0; i < convert.Count; i++) values[i] = Scaled(row[2 + i], convert[i], table, row[1]);
            updates.Add(((long)row[0]!, values));
        }

        await RefuseReferencedTable(db, table, async, ct).ConfigureAwait(false);
        var saved = await SchemaOps.Rows(db,
            "SELECT sql FROM sqlite_master WHERE tbl_name = @p0 AND type IN ('index', 'trigger') AND sql IS NOT NULL", [table], async, ct).ConfigureAwait(false);
        var hasSequence = await SchemaOps.Rows(db, "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'", [], async, ct).ConfigureAwait(false);
        var sequence = hasSequence.Count == 0 ? null
            : (await SchemaOps.Rows(db, "SELECT seq FROM sqlite_sequence WHERE name = @p0", [table], async, ct).ConfigureAwait(false)).FirstOrDefault()?[0];

        // CREATE TABLE "product__baas_rebuild" (... "price" INTEGER NOT NULL CONSTRAINT "ck_product_price" CHECK (...) ...)
        var quoted = QuoteIdentifier(table);
        var rebuilt = QuoteIdentifier(table + RebuildSuffix);
        var create = CreateTableStatements(model, ifNotExists: false)[0];
        var head = "CREATE TABLE " + QuoteTable(model) + " (";
        await SchemaOps.Run(db, "CREATE TABLE " + rebuilt + " (" + create[head.Length..], [], async, ct).ConfigureAwait(false);
        var names = string.Join(", ", model.Fields.Select(f => QuoteIdentifier(f.ColumnName)));
        // Converted columns get a placeholder that satisfies NOT NULL and the range check; each row's value follows.
        var copied = string.Join(", ", model.Fields.Select(f => convert.Contains(f)
            ? $"CASE WHEN {QuoteIdentifier(f.ColumnName)} IS NULL THEN NULL ELSE 0 END"
            : QuoteIdentifier(f.ColumnName)));
        await SchemaOps.Run(db, $"INSERT INTO {rebuilt} (rowid, {names}) SELECT rowid, {copied} FROM {quoted}", [], async, ct).ConfigureAwait(false);
        var set = string.Join(", ", convert.Select((f, i) => $"{QuoteIdentifier(f.ColumnName)} = @p{(i + 1).ToString(CultureInfo.InvariantCulture)}"));
        var update = $"UPDATE {rebuilt} SET {set} WHERE rowid = @p0";
        foreach (var (rowId, values) in updates)
        {
            if (values.All(v => v == null)) continue;
            var ps = new QueryParam[values.Length + 1];
            ps[0] = new QueryParam(rowId, null);
            for (var i = 0; i < values.Length; i++) ps[i + 1] = new QueryParam(values[i], null);
            await Executor.ExecuteAsync(db, update, ps, async, ct).ConfigureAwait(false);
        }
        await SchemaOps.Run(db, $"DROP TABLE {quoted}", [], async, ct).ConfigureAwait(false);
        await SchemaOps.Run(db, $"ALTER TABLE {rebuilt} RENAME TO {quoted}", [], async, ct).ConfigureAwait(false);
        foreach (var statement in saved) await SchemaOps.Run(db, (string)statement[0]!, [], async, ct).ConfigureAwait(false);
        if (sequence != null)
        {
            // AUTOINCREMENT never reuses an id: keep the old counter even when the highest rows were deleted.
            if (await SchemaOps.Run(db, "UPDATE sqlite_sequence SET seq = @p1 WHERE name = @p0 AND seq < @p1", [table, sequence], async, ct).ConfigureAwait(false) == 0
                && (await SchemaOps.Rows(db, "SELECT 1 FROM sqlite_sequence WHERE name = @p0", [table], async, ct).ConfigureAwait(false)).Count == 0)
                await SchemaOps.Run(db, "INSERT INTO sqlite_sequence (name, seq) VALUES (@p0, @p1)", [table, sequence], async, ct).ConfigureAwait(false);
        }
        var broken = await SchemaOps.Rows(db, "PRAGMA foreign_key_check", [], async, ct).ConfigureAwait(false);
        if (broken.Count > 0)
            throw new InvalidOperationException(
                $"Rebuilding {table} left a foreign key broken: table {broken[0][0]} row {broken[0][1]} refers to a missing row of {broken[0][2]}.");
        return convert.Count;
    }

    private long? Scaled(object? raw, FieldDefinition field, string table, object? id)
    {
        if (raw == null) return null;
        try
        {
            var value = raw switch
            {
                string s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
                long l => l,
                double d => (decimal)d,
                _ => throw new FormatException($"a {raw.GetType().Name} is not a number"),
            };
            return ScaledDecimal.ToScaled(FitDecimal(value, field), DecimalStorageScale(field)!.Value);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidFieldValueException)
        {
            throw new InvalidFieldValueException(field.Name,
                $"Cannot convert {table}.{field.ColumnName} to decimal({field.DecimalPrecision},{field.DecimalScale}): the row with id " +
                $"{Convert.ToString(id, CultureInfo.InvariantCulture)} holds '{Convert.ToString(raw, CultureInfo.InvariantCulture)}', which does not fit " +
                $"({e.Message}). Nothing was changed; fix or widen the value first.", e);
        }
    }

    private static void CheckSameColumns(ModelDefinition model, IEnumerable<string> columns)
    {
        var modelColumns = model.Fields.Select(f => f.ColumnName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var extra = columns.Where(c => !modelColumns.Contains(c)).ToList();
        if (extra.Count > 0)
            throw new InvalidOperationException(
                $"Table {model.TableName} has column(s) {string.Join(", ", extra)} that model {model.Name} lacks: rebuilding the table from the model " +
                "would lose them. Give the model every column of the table (or drop the columns first).");
        var missing = model.Fields.Where(f => !columns.Contains(f.ColumnName, StringComparer.OrdinalIgnoreCase)).Select(f => f.ColumnName).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"Model {model.Name} has column(s) {string.Join(", ", missing)} that table {model.TableName} lacks: add them (AddColumnAsync) before converting.");
    }

    // Dropping a table that others refer to runs their ON DELETE actions (a cascade would delete their rows), so with
    // foreign keys enforced only an unreferenced table can be rebuilt.
    private async ValueTask RefuseReferencedTable(DataConnection db, string table, bool async, CancellationToken ct)
    {
        var enforced = await SchemaOps.Rows(db, "PRAGMA foreign_keys", [], async, ct).ConfigureAwait(false);
        if (enforced.Count == 0 || Convert.ToInt64(enforced[0][0], CultureInfo.InvariantCulture) == 0) return;
        var children = await SchemaOps.Rows(db,
            "SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f " +
            "WHERE m.type = 'table' AND m.name <> @p0 AND f.\"table\" = @p0 COLLATE NOCASE", [table], async, ct).ConfigureAwait(false);
        if (children.Count > 0)
            throw new InvalidOperationException(
                $"Converting {table} rebuilds it, and {string.Join(", ", children.Select(c => c[0]))} refer to it: with foreign keys enforced, " +
                "dropping the old table would run their ON DELETE actions. Convert it in a migration that overrides RebuildsTables => true " +
                "(the Migrator then turns foreign keys off around it and checks them all before committing).");
    }
}
