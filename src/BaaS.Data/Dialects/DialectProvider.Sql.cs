using System.Globalization;
using System.Text;

namespace BaaS.Data;

public abstract partial class DialectProvider
{
    /// <summary>The column type for a field, e.g. <c>TEXT</c>, <c>numeric</c>, <c>varchar(100)</c>.</summary>
    public abstract string ColumnType(FieldDefinition field);

    /// <summary>
    /// Writes a case-insensitive LIKE of a column (or expression) against a pattern whose <c>%</c>, <c>_</c> and
    /// <c>\</c> are already escaped with <c>\</c>, e.g. <c>"name" ILIKE $1 ESCAPE '\'</c>.
    /// </summary>
    internal abstract void WriteLike(SqlWriter w, string columnSql, string escapedPattern);

    /// <summary>An expression that lower-cases <paramref name="sql"/> for every alphabet, not just ASCII.</summary>
    public abstract string Lower(string sql);

    /// <summary>An expression that upper-cases <paramref name="sql"/> for every alphabet, not just ASCII.</summary>
    public abstract string Upper(string sql);

    /// <summary>
    /// An aggregate over a column, e.g. <c>SUM("total")</c>; dialects without an exact decimal type use exact
    /// functions for decimal fields.
    /// </summary>
    public virtual string Aggregate(AggregateFunction function, string? columnSql, FieldDefinition? field) => function switch
    {
        AggregateFunction.Count => columnSql == null ? "COUNT(*)" : $"COUNT({columnSql})",
        AggregateFunction.Sum => $"SUM({columnSql})",
        AggregateFunction.Avg => $"AVG({columnSql})",
        AggregateFunction.Min => $"MIN({columnSql})",
        AggregateFunction.Max => $"MAX({columnSql})",
        _ => throw new ArgumentOutOfRangeException(nameof(function)),
    };

    /// <summary>
    /// Writes <c>column + value</c> for UpdateAdd (exact for decimals on every database). The amount of a decimal with
    /// <c>[DecimalLength]</c> is bound as it is: the database rounds the sum to the column's scale, as a write does.
    /// </summary>
    internal virtual void WriteAdd(SqlWriter w, string columnSql, object value, FieldDefinition field)
    {
        w.Append(columnSql).Append(" + ").Param(value, field.DecimalPrecision != null ? null : field);
    }

    /// <summary>Writes the paging clause: <c> LIMIT @p OFFSET @p</c>.</summary>
    internal virtual void WritePaging(SqlWriter w, int? skip, int? take)
    {
        if (take != null) w.Append(" LIMIT ").Param((long)take.Value, null);
        if (skip is > 0) w.Append(" OFFSET ").Param((long)skip.Value, null);
    }

    /// <summary>The statements that create the table and its indexes.</summary>
    public virtual IReadOnlyList<string> CreateTableStatements(ModelDefinition model, bool ifNotExists)
    {
        var statements = new List<string>();
        var table = QuoteTable(model);
        var sb = new StringBuilder();
        sb.Append("CREATE TABLE ").Append(ifNotExists ? "IF NOT EXISTS " : "").Append(table).Append(" (");
        var first = true;
        foreach (var f in model.Fields)
        {
            sb.Append(first ? "\n  " : ",\n  ").Append(ColumnDefinition(f));
            first = false;
        }
        if (model.PrimaryKey is { IsAutoIncrement: false } pk && !InlinePrimaryKey(pk))
            sb.Append(",\n  CONSTRAINT ").Append(QuoteIdentifier("pk_" + model.TableName))
              .Append(" PRIMARY KEY (").Append(QuoteIdentifier(pk.ColumnName)).Append(')');
        foreach (var f in model.Fields)
        {
            if (f.ForeignKey is not { } fk) continue;
            var target = fk.ReferencedModel;
            var targetKey = target.GetPrimaryKey();
            sb.Append(",\n  CONSTRAINT ").Append(QuoteIdentifier(fk.Name))
              .Append(" FOREIGN KEY (").Append(QuoteIdentifier(f.ColumnName)).Append(") REFERENCES ")
              .Append(QuoteTable(target)).Append(" (").Append(QuoteIdentifier(targetKey.ColumnName)).Append(')');
            if (fk.OnDelete != null) sb.Append(" ON DELETE ").Append(fk.OnDelete);
            if (fk.OnUpdate != null) sb.Append(" ON UPDATE ").Append(fk.OnUpdate);
        }
        sb.Append("\n)");
        statements.Add(sb.ToString());
        foreach (var index in model.Indexes)
        {
            statements.Add(
                $"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX {(ifNotExists ? "IF NOT EXISTS " : "")}{QuoteIdentifier(index.Name)} " +
                $"ON {table} ({string.Join(", ", index.Fields.Select(f => QuoteIdentifier(f.ColumnName)))})");
        }
        return statements;
    }

    /// <summary>
    /// The statements that add one field's column to an existing table, with its foreign key (as a column constraint,
    /// which both databases accept in ADD COLUMN) and the indexes on it alone:
    /// <c>ALTER TABLE "order" ADD COLUMN "courier_id" uuid REFERENCES "baas_user" ("id")</c>.
    /// A NOT NULL column needs a <c>[Default]</c> so existing rows get a value.
    /// </summary>
    public virtual IReadOnlyList<string> AddColumnStatements(FieldDefinition field)
    {
        if (field.IsPrimaryKey || field.IsAutoIncrement)
            throw new NotSupportedException($"{field.Model.Name}.{field.Name} is the primary key: it cannot be added to an existing table.");
        if (!field.IsNullable && !field.HasDefault)
            throw new NotSupportedException(
                $"{field.Model.Name}.{field.Name} is NOT NULL with no [Default]: existing rows would have no value. Give it a default or make it nullable.");
        var sb = new StringBuilder("ALTER TABLE ").Append(QuoteTable(field.Model)).Append(" ADD COLUMN ").Append(ColumnDefinition(field));
        if (field.ForeignKey is { } fk)
        {
            var target = fk.ReferencedModel;
            sb.Append(" REFERENCES ").Append(QuoteTable(target)).Append(" (").Append(QuoteIdentifier(target.GetPrimaryKey().ColumnName)).Append(')');
            if (fk.OnDelete != null) sb.Append(" ON DELETE ").Append(fk.OnDelete);
            if (fk.OnUpdate != null) sb.Append(" ON UPDATE ").Append(fk.OnUpdate);
        }
        var statements = new List<string> { sb.ToString() };
        foreach (var index in field.Model.Indexes.Where(i => i.Fields.Count == 1 && i.Fields[0] == field))
            statements.Add($"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX {QuoteIdentifier(index.Name)} ON {QuoteTable(field.Model)} ({QuoteIdentifier(field.ColumnName)})");
        return statements;
    }

    /// <summary><c>ALTER TABLE "order" DROP COLUMN "note"</c> (its single-column indexes go first).</summary>
    public virtual IReadOnlyList<string> DropColumnStatements(FieldDefinition field)
    {
        var statements = field.Model.Indexes.Where(i => i.Fields.Count == 1 && i.Fields[0] == field)
            .Select(i => $"DROP INDEX IF EXISTS {QuoteIdentifier(i.Name)}").ToList();
        statements.Add($"ALTER TABLE {QuoteTable(field.Model)} DROP COLUMN {QuoteIdentifier(field.ColumnName)}");
        return statements;
    }

    /// <summary>Whether the primary key is declared on its column rather than as a table constraint.</summary>
    protected virtual bool InlinePrimaryKey(FieldDefinition key) => false;

    /// <summary>One column of CREATE TABLE: <c>"name" TEXT NOT NULL DEFAULT 'x'</c>.</summary>
    public virtual string ColumnDefinition(FieldDefinition field)
    {
        var sb = new StringBuilder();
        sb.Append(QuoteIdentifier(field.ColumnName)).Append(' ').Append(ColumnType(field));
        if (field.IsAutoIncrement) sb.Append(' ').Append(AutoIncrementClause(field));
        else if (field.IsPrimaryKey && InlinePrimaryKey(field)) sb.Append(" PRIMARY KEY");
        if (!field.IsNullable && !field.IsAutoIncrement) sb.Append(" NOT NULL");
        if (field.HasDefault) sb.Append(" DEFAULT ").Append(DefaultExpression(field));
        if (field.StringLength is { } max)
        {
            // The same named CHECK on every database, so a too-long value fails the same way (CheckConstraintException
            // naming the field) everywhere; varchar(n) would fail differently on PostgreSQL and not at all on SQLite.
            var col = QuoteIdentifier(field.ColumnName);
            sb.Append(" CONSTRAINT ").Append(QuoteIdentifier(LengthCheckName(field)))
              .Append(" CHECK (length(").Append(col).Append(") <= ").Append(max.ToString(CultureInfo.InvariantCulture)).Append(')');
        }
        else if (DecimalStorageScale(field) != null)
        {
            // A scaled decimal's range under the same name, so arithmetic done by the database (UpdateAdd) cannot
            // store a value beyond the precision: "price" BETWEEN -9999999999 AND 9999999999 for decimal(10,2).
            var col = QuoteIdentifier(field.ColumnName);
            var limit = (decimal.ToInt64(ScaledDecimal.Pow10(field.DecimalPrecision!.Value)) - 1).ToString(CultureInfo.InvariantCulture);
            sb.Append(" CONSTRAINT ").Append(QuoteIdentifier(LengthCheckName(field)))
              .Append(" CHECK (").Append(col).Append(" BETWEEN -").Append(limit).Append(" AND ").Append(limit).Append(')');
        }
        return sb.ToString();
    }

    /// <summary>
    /// The name of the CHECK constraint behind <c>[StringLength]</c> (and a scaled decimal's range on SQLite):
    /// <c>ck_{table}_{column}</c>.
    /// </summary>
    public static string LengthCheckName(FieldDefinition field) => Naming.ConstraintName("ck", field.Model.TableName, [field.ColumnName]);

    /// <summary>What follows the type of an auto-increment key, e.g. <c>PRIMARY KEY AUTOINCREMENT</c>.</summary>
    protected abstract string AutoIncrementClause(FieldDefinition field);

    /// <summary>
    /// The DEFAULT expression of a field. DDL cannot take parameters, so constant defaults from the model's
    /// attributes are written as literals here, the one place values become SQL text: numbers in invariant
    /// form, strings quoted with embedded quotes doubled. They come from the model's author, never from callers.
    /// </summary>
    public virtual string DefaultExpression(FieldDefinition field)
    {
        if (field.DefaultSql != null) return DefaultSqlExpression(field.DefaultSql, field);
        var stored = ToDbValue(field.DefaultValue, field);
        return Literal(stored);
    }

    /// <summary>An SQL default from <c>[Default(Sql = ...)]</c> in this dialect's form.</summary>
    protected virtual string DefaultSqlExpression(string sql, FieldDefinition field) => "(" + sql + ")";

    /// <summary>A literal for a converted constant (see <see cref="DefaultExpression"/>).</summary>
    protected virtual string Literal(object stored) => stored switch
    {
        DBNull => "NULL",
        bool b => b ? "TRUE" : "FALSE",
        string s when s.Contains('\0') => throw new NotSupportedException("A default value cannot contain a NUL character."),
        string s => "'" + s.Replace("'", "''") + "'",
        byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"A default value of type {stored.GetType().Name} cannot be written in DDL."),
    };

    /// <summary>The statement that drops the table.</summary>
    public virtual string DropTableStatement(ModelDefinition model, bool ifExists) =>
        $"DROP TABLE {(ifExists ? "IF EXISTS " : "")}{QuoteTable(model)}";

    /// <summary>Writes a query returning a row when the table exists (the name is a parameter).</summary>
    internal abstract void WriteTableExists(SqlWriter w, string tableName, string? schema);

    /// <summary>Writes a query returning a row when the column exists (names are parameters).</summary>
    internal abstract void WriteColumnExists(SqlWriter w, string tableName, string? schema, string columnName);

    /// <summary>Statements to run before creating a table (e.g. <c>CREATE SCHEMA IF NOT EXISTS</c>).</summary>
    public virtual IReadOnlyList<string> PrepareTableStatements(ModelDefinition model) => [];

    /// <summary>
    /// A statement that makes concurrent migrators wait for each other inside the migration transaction, or null
    /// when taking the write lock some other way.
    /// </summary>
    public abstract string? MigrationLockStatement(ModelDefinition migrationsTable);
}
