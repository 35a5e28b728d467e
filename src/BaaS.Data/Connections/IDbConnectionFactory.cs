namespace BaaS.Data;

/// <summary>Opens connections to the app's databases: the default one, or one registered under a name.</summary>
public interface IDbConnectionFactory
{
    /// <summary>The dialect of the default connection.</summary>
    DialectProvider Dialect { get; }

    /// <summary>Opens the default connection.</summary>
    DataConnection Open();

    /// <summary>Opens the connection registered under <paramref name="name"/>.</summary>
    DataConnection Open(string name);

    /// <summary>Opens the default connection.</summary>
    Task<DataConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Opens the connection registered under <paramref name="name"/>.</summary>
    Task<DataConnection> OpenAsync(string name, CancellationToken cancellationToken = default);
}
