using System.Globalization;

namespace BaaS.Data.PostgreSQL;

public sealed partial class PostgreSqlDialect
{
    /// <summary>
    /// Turns each <c>numeric</c> column whose field declares <c>[DecimalLength(p, s)]</c> into <c>numeric(p,s)</c>:
    /// <c>ALTER TABLE "product" ALTER COLUMN "price" TYPE numeric(10,2)</c>, which rounds values half away from zero.
    /// A value that would not fit is looked for first, so the error names its row and nothing changes.
    /// </summary>
    internal override async ValueTask<int> ConvertDecimalColumns(DataConnection db, ModelDefinition model, bool async, CancellationToken ct)
    {
        var table = QuoteTable(model);
        var key = model.PrimaryKey ?? throw new InvalidOperationException($"Model {model.Name} has no primary key to name rows by.");
        var converted = 0;
        foreach (var field in model.Fields.Where(f => f.DecimalPrecision != null))
        {
            var (precision, scale) = (field.DecimalPrecision!.Value, field.DecimalScale!.Value);
            var info = await SchemaOps.Rows(db,
                "SELECT data_type, numeric_precision, numeric_scale FROM information_schema.columns " +
                "WHERE table_name = $1 AND column_name = $2 AND table_schema = coalesce($3, current_schema())",
                [model.TableName, field.ColumnName, model.Schema], async, ct).ConfigureAwait(false);
            if (info.Count == 0)
                throw new InvalidOperationException($"Table {model.TableName} has no column {field.ColumnName}: add it before converting.");
            if ((string)info[0][0]! != "numeric")
                throw new InvalidOperationException($"{model.TableName}.{field.ColumnName} is {info[0][0]}, not numeric: only numeric columns are converted.");
            if (info[0][1] is int p && p == precision && info[0][2] is int s && s == scale) continue;
            var column = QuoteIdentifier(field.ColumnName);
            var limit = ScaledDecimal.Pow10(precision - scale);
            var over = await SchemaOps.Rows(db,
                $"SELECT {QuoteIdentifier(key.ColumnName)}::text, {column}::text FROM {table} WHERE abs(round({column}, {scale.ToString(CultureInfo.InvariantCulture)})) >= $1 LIMIT 1",
                [limit], async, ct).ConfigureAwait(false);
            if (over.Count > 0)
                throw new InvalidFieldValueException(field.Name,
                    $"Cannot convert {model.TableName}.{field.ColumnName} to numeric({precision},{scale}): the row with id {over[0][0]} holds " +
                    $"'{over[0][1]}', which does not fit. Nothing was changed; fix or widen the value first.");
            await SchemaOps.Run(db,
                $"ALTER TABLE {table} ALTER COLUMN {column} TYPE {ColumnType(field)}", [], async, ct).ConfigureAwait(false);
            converted++;
        }
        return converted;
    }
}
