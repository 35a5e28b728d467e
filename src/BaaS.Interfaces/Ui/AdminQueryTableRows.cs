namespace BaaS;

/// <summary>
/// A page of one table's rows, read only (Admin only): <c>GET /api/AdminQueryTableRows?table=restaurant&amp;orderBy=-rating&amp;take=20</c>.
/// Table and column names are checked against the database's own list; nothing the caller sends becomes SQL text.
/// </summary>
[Tag("Admin"), ValidateIsAdmin]
public class AdminQueryTableRows : IGet, IReturn<AdminQueryTableRowsResponse>
{
    /// <summary>The table's name, as <see cref="AdminQueryTables"/> lists it (required).</summary>
    public string? Table { get; set; }

    /// <summary>Its schema, when tables of the same name exist in several (PostgreSQL).</summary>
    public string? Schema { get; set; }

    /// <summary>Rows to skip. Default: 0.</summary>
    public int? Skip { get; set; }

    /// <summary>Rows to return, 1 to 100. Default: 25.</summary>
    public int? Take { get; set; }

    /// <summary>A column to sort by, <c>-</c> in front for descending. Default: the primary key.</summary>
    public string? OrderBy { get; set; }

    /// <summary>A column to filter on: only rows whose value, as text, equals <see cref="FilterValue"/>.</summary>
    public string? FilterColumn { get; set; }

    /// <summary>The text <see cref="FilterColumn"/> must equal (an empty value matches empty text, not NULL).</summary>
    public string? FilterValue { get; set; }
}
