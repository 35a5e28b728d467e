using System.Data.Common;

namespace BaaS.Data;

public abstract partial class DialectProvider
{
    /// <summary>
    /// Reads <paramref name="connectionString"/> if it is written for this database, or answers null when it is not
    /// (another database's, or not a connection string): what <see cref="DialectDetector"/> asks each dialect. Relative
    /// file paths are resolved under <paramref name="baseDirectory"/>. Default: recognises nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The string is this database's but malformed (an unknown keyword, a bad value).</exception>
    public virtual DatabaseConnectionString? RecognizeConnectionString(string connectionString, string baseDirectory) => null;

    /// <summary>A typical connection string of this database, shown in errors about connection strings; null for none.</summary>
    public virtual string? ConnectionStringExample => null;

    /// <summary>
    /// Whether <paramref name="connectionString"/> is a <c>key=value;...</c> list that names one of
    /// <paramref name="keywords"/> (case-insensitive); false for text that is not such a list.
    /// </summary>
    protected static bool HasKeyword(string connectionString, params string[] keywords)
    {
        var parsed = new DbConnectionStringBuilder();
        try
        {
            parsed.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return false;
        }
        return keywords.Any(parsed.ContainsKey);
    }
}
