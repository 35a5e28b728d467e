namespace BaaS.DataAnnotations;

/// <summary>SQL defaults that every database dialect understands and translates to its own form.</summary>
public static class DefaultSql
{
    /// <summary>The current UTC time, in the column's date/time storage format.</summary>
    public const string CurrentTimestamp = "CURRENT_TIMESTAMP";

    /// <summary>The current UTC date.</summary>
    public const string CurrentDate = "CURRENT_DATE";
}
