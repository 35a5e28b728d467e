using Microsoft.Data.Sqlite;

namespace BaaS.Data.Sqlite;

public sealed partial class SqliteDialect
{
    // The extensions that make a bare path a SQLite database: "App_Data/app.db" but not "localhost".
    private static readonly string[] FileExtensions = [".db", ".sqlite", ".sqlite3", ".db3"];

    /// <summary>
    /// Recognises <c>Data Source=...</c> strings (also <c>DataSource</c>, <c>Filename</c>) and bare paths of database
    /// files (<c>App_Data/app.db</c>; extensions <c>.db</c>, <c>.sqlite</c>, <c>.sqlite3</c>, <c>.db3</c>) or <c>:memory:</c>.
    /// A relative path is taken under <paramref name="baseDirectory"/>; <c>:memory:</c>, an empty data source and
    /// <c>Mode=Memory</c> are in-memory databases.
    /// </summary>
    /// <exception cref="ArgumentException">A <c>Data Source</c> string with a keyword or value SQLite does not take.</exception>
    public override DatabaseConnectionString? RecognizeConnectionString(string connectionString, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var text = connectionString.Trim();
        SqliteConnectionStringBuilder builder;
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            if (text != ":memory:" && !FileExtensions.Contains(Path.GetExtension(text), StringComparer.OrdinalIgnoreCase)) return null;
            builder = new SqliteConnectionStringBuilder { DataSource = text };
        }
        else
        {
            if (!HasKeyword(text, "Data Source", "DataSource", "Filename")) return null;
            builder = new SqliteConnectionStringBuilder(text);
        }
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
            return new DatabaseConnectionString(this, builder.ToString()) { InMemory = true };
        if (!Path.IsPathRooted(builder.DataSource)) builder.DataSource = Path.Combine(baseDirectory, builder.DataSource);
        return new DatabaseConnectionString(this, builder.ToString()) { File = builder.DataSource };
    }

    /// <inheritdoc />
    public override string ConnectionStringExample => "Data Source=App_Data/app.db";
}
