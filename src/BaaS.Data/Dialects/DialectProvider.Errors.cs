using System.Data.Common;

namespace BaaS.Data;

public abstract partial class DialectProvider
{
    /// <summary>
    /// Turns a driver exception into a typed one (<see cref="ConstraintViolationException"/> and its subclasses,
    /// <see cref="DataSchemaException"/>), or returns null to let the original propagate.
    /// </summary>
    /// <param name="exception">The driver's exception.</param>
    /// <param name="sql">The statement that was running.</param>
    public abstract Exception? TranslateException(DbException exception, string? sql);

    /// <summary>The kinds of constraint a dialect can report.</summary>
    protected enum ConstraintKind
    {
        /// <summary>A unique index or primary key.</summary>
        Unique,
        /// <summary>A foreign key.</summary>
        ForeignKey,
        /// <summary>NOT NULL.</summary>
        NotNull,
        /// <summary>A CHECK constraint.</summary>
        Check,
        /// <summary>Anything else.</summary>
        Other,
    }

    /// <summary>
    /// Builds the typed constraint exception, mapping the table and column names the driver reported (or the
    /// constraint's name) back to the model and its C# property names.
    /// </summary>
    protected static ConstraintViolationException ConstraintException(ConstraintKind kind, string? table,
        IReadOnlyList<string> columns, string? constraintName, Exception inner)
    {
        var model = table != null ? ModelDefinition.FindByTableName(table) : null;
        IReadOnlyList<string> fields = [];
        if (constraintName != null && ModelDefinition.FindConstraint(constraintName) is { } found)
        {
            model ??= found.Model;
            fields = found.Fields.Select(f => f.Name).ToArray();
        }
        if (fields.Count == 0 && columns.Count > 0)
            fields = columns.Select(c => model?.FindField(c)?.Name ?? c).ToArray();

        var who = model?.Name ?? (table != null ? $"Table {table}" : "The row");
        var what = fields.Count > 0 ? string.Join(" and ", fields) : null;
        string message;
        switch (kind)
        {
            case ConstraintKind.Unique:
                message = what != null ? $"{who} with this {what} already exists." : $"{who} already exists (unique constraint {constraintName}).";
                return new UniqueConstraintException(message, table ?? model?.TableName, model, fields, constraintName, inner);
            case ConstraintKind.ForeignKey:
                message = what != null
                    ? $"{who}.{what} refers to a row that does not exist, or the row is still referenced by others."
                    : $"{who} refers to a row that does not exist, or the row is still referenced by others.";
                return new ForeignKeyConstraintException(message, table ?? model?.TableName, model, fields, constraintName, inner);
            case ConstraintKind.NotNull:
                message = what != null ? $"{who}.{what} is required." : $"{who} is missing a required value.";
                return new NotNullConstraintException(message, table ?? model?.TableName, model, fields, constraintName, inner);
            case ConstraintKind.Check:
                message = $"{who} does not satisfy the check constraint {constraintName ?? what}.";
                return new CheckConstraintException(message, table ?? model?.TableName, model, fields, constraintName, inner);
            default:
                message = $"{who} violates constraint {constraintName}.";
                return new ConstraintViolationException(message, table ?? model?.TableName, model, fields, constraintName, inner);
        }
    }

    /// <summary>A <see cref="DataSchemaException"/> for a missing table or column, saying which and where.</summary>
    protected static DataSchemaException SchemaException(string? table, string? column, string? sql, Exception inner)
    {
        var model = table != null ? ModelDefinition.FindByTableName(table) : null;
        string message;
        if (column != null)
        {
            var owner = table != null ? $" in table {table}" : "";
            var modelNote = model != null ? $" (model {model.Name})" : "";
            message = $"Column {column} does not exist{owner}{modelNote}: the database schema is behind the model; run the migrations.";
        }
        else
        {
            var modelNote = model != null ? $" (model {model.Name}): create it with a migration or CreateTable<{model.Name}>()" : "";
            message = $"Table {table} does not exist{modelNote}.";
        }
        if (sql != null) message += $" While running: {(sql.Length <= 500 ? sql : sql[..500] + " ...")}";
        return new DataSchemaException(message, sql, inner);
    }
}
