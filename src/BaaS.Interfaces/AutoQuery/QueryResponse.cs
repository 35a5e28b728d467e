namespace BaaS;

/// <summary>The answer of a query: <c>{ "offset", "total", "results", "meta" }</c>.</summary>
/// <typeparam name="T">The row type.</typeparam>
public class QueryResponse<T> : IHasResponseStatus
{
    /// <summary>The number of rows skipped.</summary>
    public int Offset { get; set; }

    /// <summary>All matching rows, when the request asked with <c>include=total</c>; else the rows returned.</summary>
    public int Total { get; set; }

    /// <summary>The rows.</summary>
    public List<T> Results { get; set; } = [];

    /// <summary>Aggregates asked for with <c>include</c>, and other extras.</summary>
    public Dictionary<string, string>? Meta { get; set; }

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
