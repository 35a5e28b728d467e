namespace BaaS;

/// <summary>The tables of the app's default database, by schema then name.</summary>
public class AdminQueryTablesResponse : IHasResponseStatus
{
    /// <summary>The database engine: <c>SQLite</c> or <c>PostgreSQL</c>.</summary>
    public string Dialect { get; set; } = "";

    /// <summary>The tables.</summary>
    public List<DatabaseTable> Results { get; set; } = [];

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
