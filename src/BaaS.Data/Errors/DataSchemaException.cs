using System.Data.Common;

namespace BaaS.Data;

/// <summary>
/// The database does not have a table or column that the model expects (a missing migration, a renamed column):
/// the message says which, for which model, and the SQL that was running.
/// </summary>
public sealed class DataSchemaException : DbException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which table or column is missing and where.</param>
    /// <param name="sql">The statement that failed (text only: values are parameters and not included).</param>
    /// <param name="innerException">The driver's exception.</param>
    public DataSchemaException(string message, string? sql, Exception? innerException) : base(message, innerException)
    {
        Sql = sql;
    }

    /// <summary>The statement that failed.</summary>
    public string? Sql { get; }
}
