using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;

namespace BaaS.Data;

/// <summary>
/// The statements and row reader of one model on one dialect, built on first use and kept for the life of the
/// process: the typed API by key (SingleById, Insert, Update, Delete, Save) never builds SQL on the request path.
/// </summary>
internal sealed class ModelPlan<T>
{
    private static ModelPlan<T>?[] _plans = new ModelPlan<T>?[4];
    private static readonly Lock Gate = new();

    private readonly ConcurrentDictionary<string, Func<DbDataReader, T>> _readers = new();
    private string? _insert, _insertReturning, _update, _deleteById, _upsert, _selectById;
    private FieldDefinition[]? _insertFields, _updateFields;

    private ModelPlan(DialectProvider dialect)
    {
        Dialect = dialect;
        Model = ModelDefinition.For<T>();
        Table = dialect.QuoteTable(Model);
        // SELECT "order"."id", "order"."name", "order"."total" FROM "order"
        SelectAll = $"SELECT {dialect.ColumnList(Model, Table)} FROM {Table}";
        ReadAll = Materializer.Compile<T>(dialect, Model.Fields);
    }

    public static ModelPlan<T> For(DialectProvider dialect)
    {
        var plans = _plans;
        if (dialect.Id < plans.Length && plans[dialect.Id] is { } plan) return plan;
        lock (Gate)
        {
            if (dialect.Id >= _plans.Length) Array.Resize(ref _plans, Math.Max(dialect.Id + 1, _plans.Length * 2));
            return _plans[dialect.Id] ??= new ModelPlan<T>(dialect);
        }
    }

    public DialectProvider Dialect { get; }

    public ModelDefinition Model { get; }

    /// <summary>The quoted table, also the qualifier of its columns.</summary>
    public string Table { get; }

    public string SelectAll { get; }

    /// <summary>Reads a row of <see cref="SelectAll"/>'s columns.</summary>
    public Func<DbDataReader, T> ReadAll { get; }

    /// <summary>A reader for a given list of columns (a SELECT of chosen fields), cached by the list.</summary>
    public Func<DbDataReader, T> ReaderFor(IReadOnlyList<FieldDefinition?> columns, string key) =>
        _readers.GetOrAdd(key, _ => Materializer.Compile<T>(Dialect, columns));

    // SELECT ... FROM "order" WHERE "order"."id" = @p0
    public string SelectById => _selectById ??=
        $"{SelectAll} WHERE {Dialect.Column(Table, Model.GetPrimaryKey())} = {Dialect.ParameterPlaceholder(0)}";

    /// <summary>The fields an INSERT writes: all but an auto-increment key.</summary>
    public FieldDefinition[] InsertFields => _insertFields ??= Model.Fields.Where(f => !f.IsAutoIncrement).ToArray();

    // INSERT INTO "order" ("name", "total", "created") VALUES (@p0, @p1, COALESCE(@p2, CURRENT_TIMESTAMP))
    public string Insert => _insert ??= BuildInsert(InsertFields, 1, 0);

    // INSERT INTO "order" (...) VALUES (...) RETURNING "id"
    public string InsertReturning => _insertReturning ??=
        Insert + " RETURNING " + Dialect.QuoteIdentifier(Model.GetPrimaryKey().ColumnName);

    /// <summary>A multi-row INSERT for <paramref name="rows"/> rows.</summary>
    public string InsertRows(int rows) => BuildInsert(InsertFields, rows, 0);

    /// <summary>The fields an UPDATE sets: all but the key and the row version.</summary>
    public FieldDefinition[] UpdateFields => _updateFields ??= Model.Fields.Where(f => !f.IsPrimaryKey && !f.IsRowVersion).ToArray();

    // UPDATE "order" SET "name" = @p0, "total" = @p1, "row_version" = "row_version" + 1
    //   WHERE "id" = @p2 AND "row_version" = @p3
    public string Update => _update ??= BuildUpdate();

    // DELETE FROM "order" WHERE "id" = @p0
    public string DeleteById => _deleteById ??=
        $"DELETE FROM {Table} WHERE {Dialect.QuoteIdentifier(Model.GetPrimaryKey().ColumnName)} = {Dialect.ParameterPlaceholder(0)}";

    // INSERT INTO "order" ("id", "name", "row_version") VALUES (@p0, @p1, @p2)
    //   ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name", "row_version" = "order"."row_version" + 1
    //   WHERE "order"."row_version" = @p3
    public string Upsert => _upsert ??= BuildUpsert();

    private string BuildInsert(FieldDefinition[] fields, int rows, int firstParam)
    {
        var sb = new StringBuilder("INSERT INTO ").Append(Table).Append(" (");
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(Dialect.QuoteIdentifier(fields[i].ColumnName));
        }
        sb.Append(") VALUES ");
        var p = firstParam;
        for (var r = 0; r < rows; r++)
        {
            sb.Append(r == 0 ? "(" : ", (");
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                var placeholder = Dialect.ParameterPlaceholder(p++);
                // A null value for a column with a default takes the default: the column list stays fixed, so the
                // statement text stays cacheable.
                if (fields[i].HasDefault) sb.Append("COALESCE(").Append(placeholder).Append(", ").Append(Dialect.DefaultExpression(fields[i])).Append(')');
                else sb.Append(placeholder);
            }
            sb.Append(')');
        }
        return sb.ToString();
    }

    private string BuildUpdate()
    {
        var key = Model.GetPrimaryKey();
        var sb = new StringBuilder("UPDATE ").Append(Table).Append(" SET ");
        var p = 0;
        var fields = UpdateFields;
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(Dialect.QuoteIdentifier(fields[i].ColumnName)).Append(" = ").Append(Dialect.ParameterPlaceholder(p++));
        }
        if (Model.RowVersion is { } rv)
        {
            var col = Dialect.QuoteIdentifier(rv.ColumnName);
            sb.Append(fields.Length > 0 ? ", " : "").Append(col).Append(" = ").Append(col).Append(" + 1");
        }
        sb.Append(" WHERE ").Append(Dialect.QuoteIdentifier(key.ColumnName)).Append(" = ").Append(Dialect.ParameterPlaceholder(p++));
        if (Model.RowVersion is { } version)
            sb.Append(" AND ").Append(Dialect.QuoteIdentifier(version.ColumnName)).Append(" = ").Append(Dialect.ParameterPlaceholder(p));
        return sb.ToString();
    }

    private string BuildUpsert()
    {
        var key = Model.GetPrimaryKey();
        var all = Model.Fields.ToArray();
        var sb = new StringBuilder(BuildInsert(all, 1, 0));
        sb.Append(" ON CONFLICT (").Append(Dialect.QuoteIdentifier(key.ColumnName)).Append(") DO UPDATE SET ");
        var first = true;
        foreach (var f in all.Where(f => !f.IsPrimaryKey))
        {
            if (!first) sb.Append(", ");
            first = false;
            var col = Dialect.QuoteIdentifier(f.ColumnName);
            if (f.IsRowVersion) sb.Append(col).Append(" = ").Append(Table).Append('.').Append(col).Append(" + 1");
            else sb.Append(col).Append(" = excluded.").Append(col);
        }
        if (first)
        {
            // A table of only a key: nothing to update, but DO UPDATE needs an assignment; re-assigning the key is a no-op.
            var col = Dialect.QuoteIdentifier(key.ColumnName);
            sb.Append(col).Append(" = excluded.").Append(col);
        }
        if (Model.RowVersion is { } rv)
            sb.Append(" WHERE ").Append(Table).Append('.').Append(Dialect.QuoteIdentifier(rv.ColumnName))
              .Append(" = ").Append(Dialect.ParameterPlaceholder(all.Length));
        return sb.ToString();
    }
}
