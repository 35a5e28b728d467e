using BaaS.Data;

namespace BaaS.Ui.Database;

/// <summary>
/// The Admin UI's database page: the tables (<see cref="AdminQueryTables"/>) and a page of one table's rows
/// (<see cref="AdminQueryTableRows"/>), read only, from the app's default connection. Every table and column name a
/// caller sends is looked up in the database's own list first; the SQL is written only from the names found there,
/// quoted by the dialect, and values are parameters.
/// </summary>
internal sealed class DatabaseAdminServices(AdminUiOptions options) : Service
{
    private const int DefaultTake = 25;
    private const int MaxTake = 100;

    public async Task<AdminQueryTablesResponse> Get(AdminQueryTables request)
    {
        var db = await OpenDbAsync().ConfigureAwait(false);
        var reader = SchemaReader.For(db.Dialect);
        var tables = await reader.ReadTablesAsync(db, CancellationToken).ConfigureAwait(false);
        foreach (var table in tables) HiddenColumns.Mark(table.Table, options.HiddenColumns);
        await reader.CountRowsAsync(db, tables, CancellationToken).ConfigureAwait(false);
        return new AdminQueryTablesResponse { Dialect = db.Dialect.Name, Results = [.. tables.Select(t => t.Table)] };
    }

    public async Task<AdminQueryTableRowsResponse> Get(AdminQueryTableRows request)
    {
        // Everything that needs no database is checked first, so a bad request runs nothing.
        var skip = request.Skip ?? 0;
        var take = request.Take ?? DefaultTake;
        if (skip < 0) throw HttpError.Validation(nameof(request.Skip), "OutOfRange", "'Skip' must be 0 or more.");
        if (take is < 1 or > MaxTake) throw HttpError.Validation(nameof(request.Take), "OutOfRange", $"'Take' must be between 1 and {MaxTake}.");
        if (string.IsNullOrWhiteSpace(request.Table)) throw HttpError.Validation(nameof(request.Table), "Required", "Name the table: 'Table' is required.");
        if (request.FilterColumn is { Length: > 0 } && request.FilterValue is null)
            throw HttpError.Validation(nameof(request.FilterValue), "Required", "'FilterValue' is required with 'FilterColumn'.");

        var db = await OpenDbAsync().ConfigureAwait(false);
        var reader = SchemaReader.For(db.Dialect);
        var tables = await reader.ReadTablesAsync(db, CancellationToken).ConfigureAwait(false);
        var table = FindTable(tables.Select(t => t.Table).ToList(), request.Table, request.Schema);
        HiddenColumns.Mark(table, options.HiddenColumns);
        var plan = TableRowsQuery.Plan(db, reader, table, request);
        var (total, rows) = await plan.RunAsync(db, skip, take, CancellationToken).ConfigureAwait(false);
        return new AdminQueryTableRowsResponse
        {
            Table = table.Name, Schema = table.Schema, Offset = skip, Total = total, Columns = table.Columns, Results = rows,
        };
    }

    /// <summary>The table by its exact name, else by the one name that matches ignoring case; 404 naming Table otherwise.</summary>
    private static DatabaseTable FindTable(List<DatabaseTable> tables, string name, string? schema)
    {
        var inSchema = string.IsNullOrEmpty(schema) ? tables : tables.FindAll(t => string.Equals(t.Schema, schema, StringComparison.OrdinalIgnoreCase));
        var exact = inSchema.FindAll(t => t.Name == name);
        var matches = exact.Count > 0 ? exact : inSchema.FindAll(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (matches.Count == 1) return matches[0];
        if (matches.Count > 1)
            throw HttpError.Validation(nameof(AdminQueryTableRows.Schema), "Ambiguous",
                $"Tables named '{name}' exist in several schemas ({string.Join(", ", matches.Select(t => t.Schema))}): give the 'Schema'.");
        var error = new HttpError(404, "NotFound", string.IsNullOrEmpty(schema)
            ? $"The database has no table '{name}' (AdminQueryTables lists them)."
            : $"The database has no table '{name}' in schema '{schema}' (AdminQueryTables lists them).");
        error.FieldErrors.Add(new ResponseError("NotFound", nameof(AdminQueryTableRows.Table), error.Message));
        throw error;
    }
}
