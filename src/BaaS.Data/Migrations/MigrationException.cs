namespace BaaS.Data;

/// <summary>
/// A migration failed and was rolled back: says which migration, which direction, and the SQL statement the
/// database rejected (when the failure came from the database). The cause is the inner exception.
/// </summary>
public sealed class MigrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="migrationName">The migration's class name.</param>
    /// <param name="direction"><c>Up</c> or <c>Down</c>.</param>
    /// <param name="failedSql">The statement the database rejected, or null.</param>
    /// <param name="innerException">The cause.</param>
    public MigrationException(string migrationName, string direction, string? failedSql, Exception innerException)
        : base($"Migration {migrationName} ({direction}) failed and was rolled back: {innerException.Message}" +
               (failedSql != null ? $" Failing statement: {failedSql}" : ""), innerException)
    {
        MigrationName = migrationName;
        Direction = direction;
        FailedSql = failedSql;
    }

    /// <summary>The migration's class name.</summary>
    public string MigrationName { get; }

    /// <summary><c>Up</c> or <c>Down</c>.</summary>
    public string Direction { get; }

    /// <summary>The statement the database rejected, or null when the failure was not the database's.</summary>
    public string? FailedSql { get; }
}
