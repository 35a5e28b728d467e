namespace BaaS.Data;

/// <summary>
/// Picks the database of a connection string among the dialects an app links, so that which database an app uses is
/// configuration, never code. Each dialect recognises its own strings (<see cref="DialectProvider.RecognizeConnectionString"/>);
/// the app passes the dialects it references, because BaaS.Data cannot know them (they depend on it).
/// </summary>
/// <example>
/// <code>
/// var db = DialectDetector.Detect(configuration.GetConnectionString("DefaultConnection"), "ConnectionStrings:DefaultConnection",
///     contentRoot, PostgreSqlDialect.Instance, SqliteDialect.Instance);
/// // "Host=db;Database=app;Username=app" -> PostgreSQL
/// // "Data Source=App_Data/app.db" or "App_Data/app.db" -> SQLite, the file under contentRoot
/// </code>
/// </example>
public static class DialectDetector
{
    /// <summary>
    /// The database that <paramref name="connectionString"/> is written for: the one dialect of <paramref name="dialects"/>
    /// that recognises it, with the string it is to be opened with (relative file paths resolved under
    /// <paramref name="baseDirectory"/>).
    /// </summary>
    /// <param name="connectionString">The connection string, as configured.</param>
    /// <param name="settingName">Where it was configured (<c>ConnectionStrings:DefaultConnection</c>), named in errors.</param>
    /// <param name="baseDirectory">The folder that relative file paths are under (the app's content root).</param>
    /// <param name="dialects">The dialects the app can use.</param>
    /// <exception cref="InvalidOperationException">
    /// The string is empty, no dialect recognises it, more than one does, or the dialect that does finds it malformed;
    /// the message names <paramref name="settingName"/> and shows what each database's strings look like. It never
    /// repeats the string itself, which may hold a password.
    /// </exception>
    public static DatabaseConnectionString Detect(string? connectionString, string settingName, string baseDirectory, params DialectProvider[] dialects)
    {
        ArgumentException.ThrowIfNullOrEmpty(settingName);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentNullException.ThrowIfNull(dialects);
        if (dialects.Length == 0) throw new ArgumentException("Give at least one dialect to choose from.", nameof(dialects));
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"{settingName} is empty: set it to a connection string. {Examples(dialects)}");

        // Every dialect is asked, so that a string two of them would take is refused rather than read by the first.
        var claims = new List<(DialectProvider Dialect, DatabaseConnectionString? Read, Exception? Refused)>();
        foreach (var dialect in dialects)
        {
            try
            {
                if (dialect.RecognizeConnectionString(connectionString, baseDirectory) is { } read) claims.Add((dialect, read, null));
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                claims.Add((dialect, null, e));
            }
        }
        if (claims.Count == 0)
            throw new InvalidOperationException(
                $"{settingName} is not a connection string of a database this app can use ({string.Join(", ", dialects.Select(d => d.Name))}). {Examples(dialects)}");
        if (claims.Count > 1)
            throw new InvalidOperationException(
                $"{settingName} could be a connection string of {string.Join(" or ", claims.Select(c => c.Dialect.Name))}: write it in one database's form. {Examples(dialects)}");
        var (chosen, result, refused) = claims[0];
        return result ?? throw new InvalidOperationException(
            $"{settingName} is a {chosen.Name} connection string that {chosen.Name} cannot use: {refused!.Message}", refused);
    }

    private static string Examples(DialectProvider[] dialects) =>
        "For example: " + string.Join("; ", dialects.Where(d => d.ConnectionStringExample is not null)
            .Select(d => $"{d.Name}: '{d.ConnectionStringExample}'")) + ".";
}
