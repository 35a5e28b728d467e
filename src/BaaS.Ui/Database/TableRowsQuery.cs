using System.Globalization;
using BaaS.Data;

namespace BaaS.Ui.Database;

/// <summary>
/// The SQL of one <see cref="AdminQueryTableRows"/> request, built from the introspected table only:
/// <c>SELECT "id", "name" FROM "restaurant" WHERE CAST("city" AS TEXT) = @value ORDER BY "name" DESC, "id" LIMIT @take OFFSET @skip</c>
/// and <c>SELECT count(*) FROM "restaurant" WHERE CAST("city" AS TEXT) = @value</c>.
/// </summary>
internal sealed class TableRowsQuery
{
    /// <summary>Text values are cut after this many characters.</summary>
    public const int MaxTextLength = 1000;

    private readonly string _select;
    private readonly string _count;
    private readonly string? _filterValue;
    private readonly bool[] _hidden;

    private TableRowsQuery(string select, string count, string? filterValue, bool[] hidden)
    {
        _select = select;
        _count = count;
        _filterValue = filterValue;
        _hidden = hidden;
    }

    /// <summary>Checks the request's column names against the table's and writes the two statements.</summary>
    public static TableRowsQuery Plan(DataConnection db, SchemaReader reader, DatabaseTable table, AdminQueryTableRows request)
    {
        var dialect = db.Dialect;
        var from = reader.QuoteTable(db, table);
        var columns = string.Join(", ", table.Columns.Select(c => dialect.QuoteIdentifier(c.Name)));

        var where = "";
        if (request.FilterColumn is { Length: > 0 } filterName)
        {
            var filter = Visible(FindColumn(table, filterName, nameof(request.FilterColumn)), nameof(request.FilterColumn));
            where = $" WHERE CAST({dialect.QuoteIdentifier(filter.Name)} AS TEXT) = @value";
        }

        // The chosen column first, then the primary key so that equal values keep one order from page to page.
        var order = new List<string>();
        if (request.OrderBy is { Length: > 0 } orderBy)
        {
            var descending = orderBy.StartsWith('-');
            var column = Visible(FindColumn(table, descending ? orderBy[1..] : orderBy, nameof(request.OrderBy)), nameof(request.OrderBy));
            if (!Sortable(column))
                throw HttpError.Validation(nameof(request.OrderBy), "NotSortable", $"Column '{column.Name}' ({column.DataType}) cannot be sorted.");
            order.Add(dialect.QuoteIdentifier(column.Name) + (descending ? " DESC" : ""));
        }
        foreach (var key in table.Columns.Where(c => c.IsPrimaryKey))
        {
            var quoted = dialect.QuoteIdentifier(key.Name);
            if (!order.Contains(quoted) && !order.Contains(quoted + " DESC")) order.Add(quoted);
        }
        var orderSql = order.Count > 0 ? " ORDER BY " + string.Join(", ", order) : "";

        return new TableRowsQuery(
            $"SELECT {columns} FROM {from}{where}{orderSql} LIMIT @take OFFSET @skip",
            $"SELECT count(*) FROM {from}{where}",
            request.FilterColumn is { Length: > 0 } ? request.FilterValue : null,
            [.. table.Columns.Select(c => c.IsHidden)]);
    }

    /// <summary>The total and the page's rows, each value made a JSON value (see <see cref="AdminQueryTableRowsResponse.Results"/>).</summary>
    public async Task<(long Total, List<List<object?>> Rows)> RunAsync(DataConnection db, int skip, int take, CancellationToken ct)
    {
        var countParams = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (_filterValue is not null) countParams["value"] = _filterValue;
        var pageParams = new Dictionary<string, object?>(countParams, StringComparer.Ordinal) { ["take"] = take, ["skip"] = skip };
        var total = await db.SqlScalarAsync<long>(_count, countParams, ct).ConfigureAwait(false);
        var rows = await db.SqlListAsync<object[]>(_select, pageParams, ct).ConfigureAwait(false);
        return (total, [.. rows.Select(r => r.Select((value, i) => _hidden[i] && value is not (null or DBNull) ? HiddenColumns.Shown : ToJsonValue(value)).ToList())]);
    }

    /// <summary>A hidden column cannot be filtered or sorted on: either would let its values be probed.</summary>
    private static DatabaseColumn Visible(DatabaseColumn column, string field) => column.IsHidden
        ? throw HttpError.Validation(field, "HiddenColumn", $"Column '{column.Name}' is hidden (AdminUi:HiddenColumns): it cannot be filtered or sorted on.")
        : column;

    private static DatabaseColumn FindColumn(DatabaseTable table, string name, string field)
    {
        var column = table.Columns.Find(c => c.Name == name);
        if (column is not null) return column;
        var matches = table.Columns.FindAll(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (matches.Count == 1) return matches[0];
        throw HttpError.Validation(field, "InvalidField", $"Table '{table.Name}' has no column '{name}'.");
    }

    /// <summary>PostgreSQL cannot order json, xml and geometric values; every SQLite value sorts.</summary>
    private static bool Sortable(DatabaseColumn column) =>
        column.DataType is not ("json" or "xml" or "point" or "line" or "lseg" or "box" or "path" or "polygon" or "circle");

    /// <summary>A driver's value as a JSON value.</summary>
    internal static object? ToJsonValue(object? value) => value switch
    {
        null or DBNull => null,
        byte[] bytes => $"({bytes.Length} bytes)",
        string text => Cut(text),
        bool or byte or sbyte or short or ushort or int or uint or long or ulong or decimal => value,
        double d => double.IsFinite(d) ? d : d.ToString(CultureInfo.InvariantCulture),
        float f => float.IsFinite(f) ? f : f.ToString(CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        Guid guid => guid.ToString(),
        System.Collections.IEnumerable list => Cut("[" + string.Join(", ", list.Cast<object?>().Select(i => Convert.ToString(ToJsonValue(i), CultureInfo.InvariantCulture) ?? "null")) + "]"),
        _ => Cut(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Cut(string text)
    {
        if (text.Length <= MaxTextLength) return text;
        var cut = char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength;
        return text[..cut] + $"… ({text.Length} characters)";
    }
}
