namespace BaaS;

/// <summary>A page of a table's rows: each row is a list of values in the order of <see cref="Columns"/>.</summary>
public class AdminQueryTableRowsResponse : IHasResponseStatus
{
    /// <summary>The table's name.</summary>
    public string Table { get; set; } = "";

    /// <summary>Its schema.</summary>
    public string Schema { get; set; } = "";

    /// <summary>The rows skipped.</summary>
    public int Offset { get; set; }

    /// <summary>How many rows match (all of them without a filter).</summary>
    public long Total { get; set; }

    /// <summary>The columns, in table order.</summary>
    public List<DatabaseColumn> Columns { get; set; } = [];

    /// <summary>
    /// The rows, each as JSON values in column order: numbers and booleans as such, text as text (cut after 1,000
    /// characters, ending "… (n characters)"), dates as ISO 8601, binary values as <c>(n bytes)</c>, NULL as null.
    /// </summary>
    public List<List<object?>> Results { get; set; } = [];

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
