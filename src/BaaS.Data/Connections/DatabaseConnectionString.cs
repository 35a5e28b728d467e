namespace BaaS.Data;

/// <summary>
/// A connection string read by the dialect it belongs to (<see cref="DialectProvider.RecognizeConnectionString"/>),
/// ready to register with a <see cref="DbConnectionFactory"/>: relative file paths made absolute, the database's
/// file and whether it lives in memory known.
/// </summary>
/// <param name="Dialect">The database's dialect.</param>
/// <param name="ConnectionString">The connection string to open it with.</param>
public sealed record DatabaseConnectionString(DialectProvider Dialect, string ConnectionString)
{
    /// <summary>The absolute path of the database file for an embedded database kept in a file (SQLite); else null.</summary>
    public string? File { get; init; }

    /// <summary>True for a database that lives in memory and is gone when the process ends.</summary>
    public bool InMemory { get; init; }

    /// <summary>True for a database in this process (a file or memory) rather than on a server.</summary>
    public bool IsEmbedded => File is not null || InMemory;

    /// <summary>Creates the folder of <see cref="File"/> when it is missing (the database creates the file, not its folder).</summary>
    public DatabaseConnectionString EnsureFolder()
    {
        if (File is not null && Path.GetDirectoryName(File) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        return this;
    }

    /// <summary>A <see cref="DbConnectionFactory"/> whose default connection is this database.</summary>
    public DbConnectionFactory CreateFactory() => new(ConnectionString, Dialect);

    /// <summary>The dialect's name and the file or <c>memory</c>: never the connection string, which may hold a password.</summary>
    public override string ToString() => $"{Dialect.Name} ({File ?? (InMemory ? "memory" : "server")})";
}
