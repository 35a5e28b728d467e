using Npgsql;

namespace BaaS.Data.PostgreSQL;

public sealed partial class PostgreSqlDialect
{
    /// <summary>
    /// Recognises Npgsql's <c>key=value</c> strings that name a server: <c>Host=...</c> (or <c>Server=...</c>). URLs
    /// (<c>postgres://...</c>) are not Npgsql's form and are not recognised.
    /// </summary>
    /// <exception cref="ArgumentException">A <c>Host</c> string with a keyword or value Npgsql does not take.</exception>
    public override DatabaseConnectionString? RecognizeConnectionString(string connectionString, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        if (!HasKeyword(connectionString, "Host", "Server")) return null;
        _ = new NpgsqlConnectionStringBuilder(connectionString); // throws for what Npgsql would refuse when connecting
        return new DatabaseConnectionString(this, connectionString);
    }

    /// <inheritdoc />
    public override string ConnectionStringExample => "Host=localhost;Database=app;Username=app;Password=...";
}
