namespace BaaS.Data;

public static partial class DataConnectionExtensions
{
    /// <summary>Creates the table of <typeparamref name="T"/> with its key, indexes and foreign keys.</summary>
    public static void CreateTable<T>(this DataConnection db) =>
        Executor.Sync(SchemaOps.CreateTable(db, ModelDefinition.For<T>(), false, false, default));

    /// <inheritdoc cref="CreateTable{T}(DataConnection)"/>
    public static Task CreateTableAsync<T>(this DataConnection db, CancellationToken ct = default) =>
        SchemaOps.CreateTable(db, ModelDefinition.For<T>(), false, Async(db), ct).AsTask();

    /// <summary>Creates the table (and its indexes) unless it exists; an existing table is left as it is.</summary>
    public static void CreateTableIfNotExists<T>(this DataConnection db) =>
        Executor.Sync(SchemaOps.CreateTable(db, ModelDefinition.For<T>(), true, false, default));

    /// <inheritdoc cref="CreateTableIfNotExists{T}(DataConnection)"/>
    public static Task CreateTableIfNotExistsAsync<T>(this DataConnection db, CancellationToken ct = default) =>
        SchemaOps.CreateTable(db, ModelDefinition.For<T>(), true, Async(db), ct).AsTask();

    /// <summary>
    /// Adds the column of a field of <typeparamref name="T"/> to its existing table (with the field's foreign key and
    /// single-column indexes): for migrations that grow a table. A NOT NULL field needs a <c>[Default]</c>.
    /// </summary>
    public static Task AddColumnAsync<T>(this DataConnection db, string fieldName, CancellationToken ct = default) =>
        Executor.ExecuteAllAsync(db, db.Dialect.AddColumnStatements(ModelDefinition.For<T>().GetField(fieldName)), Async(db), ct).AsTask();

    /// <summary>
    /// Converts the existing columns of <typeparamref name="T"/>'s table to what its <c>[DecimalLength(p, s)]</c> fields
    /// declare, keeping every value exactly (rounded to the scale, half away from zero); returns how many columns
    /// changed (0 when already converted). On SQLite a column created as exact text becomes a scaled integer by
    /// rebuilding the table (its rows, indexes, triggers and AUTOINCREMENT counter kept); on PostgreSQL
    /// <c>numeric</c> becomes <c>numeric(p,s)</c>. A value that does not fit stops it with an
    /// <see cref="InvalidFieldValueException"/> naming the table, column and row id, before anything changes.
    /// Call it from a migration; on SQLite a table that other tables refer to needs the migration to override
    /// <see cref="Migration.RebuildsTables"/>. Outside a transaction it runs in one of its own.
    /// </summary>
    public static async Task<int> ConvertDecimalColumnsAsync<T>(this DataConnection db, CancellationToken ct = default)
    {
        var model = ModelDefinition.For<T>();
        if (db.Transaction != null) return await db.Dialect.ConvertDecimalColumns(db, model, Async(db), ct).ConfigureAwait(false);
        await using var tx = await db.OpenTransactionAsync(ct).ConfigureAwait(false);
        var converted = await db.Dialect.ConvertDecimalColumns(db, model, Async(db), ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return converted;
    }

    /// <summary>Drops the column of a field of <typeparamref name="T"/> (and its single-column indexes).</summary>
    public static Task DropColumnAsync<T>(this DataConnection db, string fieldName, CancellationToken ct = default) =>
        Executor.ExecuteAllAsync(db, db.Dialect.DropColumnStatements(ModelDefinition.For<T>().GetField(fieldName)), Async(db), ct).AsTask();

    /// <summary>Drops the table of <typeparamref name="T"/> (fails if it does not exist).</summary>
    public static void DropTable<T>(this DataConnection db) => Executor.Sync(SchemaOps.DropTable(db, ModelDefinition.For<T>(), false, false, default));

    /// <inheritdoc cref="DropTable{T}(DataConnection)"/>
    public static Task DropTableAsync<T>(this DataConnection db, CancellationToken ct = default) =>
        SchemaOps.DropTable(db, ModelDefinition.For<T>(), false, Async(db), ct).AsTask();

    /// <summary>Drops the table of <typeparamref name="T"/> if it exists.</summary>
    public static void DropTableIfExists<T>(this DataConnection db) => Executor.Sync(SchemaOps.DropTable(db, ModelDefinition.For<T>(), true, false, default));

    /// <inheritdoc cref="DropTableIfExists{T}(DataConnection)"/>
    public static Task DropTableIfExistsAsync<T>(this DataConnection db, CancellationToken ct = default) =>
        SchemaOps.DropTable(db, ModelDefinition.For<T>(), true, Async(db), ct).AsTask();

    /// <summary>Whether the table of <typeparamref name="T"/> exists.</summary>
    public static bool TableExists<T>(this DataConnection db)
    {
        var m = ModelDefinition.For<T>();
        return Executor.Sync(SchemaOps.TableExists(db, m.TableName, m.Schema, false, default));
    }

    /// <inheritdoc cref="TableExists{T}(DataConnection)"/>
    public static Task<bool> TableExistsAsync<T>(this DataConnection db, CancellationToken ct = default)
    {
        var m = ModelDefinition.For<T>();
        return SchemaOps.TableExists(db, m.TableName, m.Schema, Async(db), ct).AsTask();
    }

    /// <summary>Whether a table of this name exists (in the default schema, or <paramref name="schema"/> on PostgreSQL).</summary>
    public static bool TableExists(this DataConnection db, string tableName, string? schema = null) =>
        Executor.Sync(SchemaOps.TableExists(db, tableName, schema, false, default));

    /// <inheritdoc cref="TableExists(DataConnection, string, string)"/>
    public static Task<bool> TableExistsAsync(this DataConnection db, string tableName, string? schema = null, CancellationToken ct = default) =>
        SchemaOps.TableExists(db, tableName, schema, Async(db), ct).AsTask();

    /// <summary>Whether the table of <typeparamref name="T"/> has the column of this field (C# or column name).</summary>
    public static bool ColumnExists<T>(this DataConnection db, string fieldName)
    {
        var m = ModelDefinition.For<T>();
        return Executor.Sync(SchemaOps.ColumnExists(db, m, m.FindField(fieldName)?.ColumnName ?? fieldName, false, default));
    }

    /// <inheritdoc cref="ColumnExists{T}(DataConnection, string)"/>
    public static Task<bool> ColumnExistsAsync<T>(this DataConnection db, string fieldName, CancellationToken ct = default)
    {
        var m = ModelDefinition.For<T>();
        return SchemaOps.ColumnExists(db, m, m.FindField(fieldName)?.ColumnName ?? fieldName, Async(db), ct).AsTask();
    }

    /// <summary>
    /// Whether the table of this name (in the default schema, or <paramref name="schema"/> on PostgreSQL) has a column of
    /// this name: for tables no model describes, such as ones named per month.
    /// </summary>
    public static bool ColumnExists(this DataConnection db, string tableName, string columnName, string? schema = null) =>
        Executor.Sync(SchemaOps.ColumnExists(db, tableName, schema, columnName, false, default));

    /// <inheritdoc cref="ColumnExists(DataConnection, string, string, string)"/>
    public static Task<bool> ColumnExistsAsync(this DataConnection db, string tableName, string columnName, string? schema = null,
        CancellationToken ct = default) =>
        SchemaOps.ColumnExists(db, tableName, schema, columnName, Async(db), ct).AsTask();
}
