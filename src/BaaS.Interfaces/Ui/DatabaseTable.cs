namespace BaaS;

/// <summary>A table of the app's database as the database describes it.</summary>
public class DatabaseTable
{
    /// <summary>The table's name as stored (<c>menu_item</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>Its schema: <c>main</c> on SQLite, e.g. <c>public</c> on PostgreSQL.</summary>
    public string Schema { get; set; } = "";

    /// <summary>How many rows it has: exact unless <see cref="RowCountIsEstimate"/>.</summary>
    public long RowCount { get; set; }

    /// <summary>
    /// Whether <see cref="RowCount"/> is PostgreSQL's planner estimate (<c>pg_class.reltuples</c>, as of the table's last
    /// ANALYZE) rather than a count: given for tables estimated at 10,000 rows or more, which are not counted.
    /// </summary>
    public bool RowCountIsEstimate { get; set; }

    /// <summary>The columns, in table order.</summary>
    public List<DatabaseColumn> Columns { get; set; } = [];
}
