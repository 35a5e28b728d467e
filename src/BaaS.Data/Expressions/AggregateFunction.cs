namespace BaaS.Data;

/// <summary>The aggregate functions a query may use: a closed set, so callers cannot name arbitrary SQL functions.</summary>
public enum AggregateFunction
{
    /// <summary><c>COUNT(*)</c>, or <c>COUNT(field)</c> (non-null values) with a field.</summary>
    Count,
    /// <summary><c>SUM(field)</c>; exact for decimal fields on every database.</summary>
    Sum,
    /// <summary><c>AVG(field)</c>; exact for decimal fields on every database.</summary>
    Avg,
    /// <summary><c>MIN(field)</c>.</summary>
    Min,
    /// <summary><c>MAX(field)</c>.</summary>
    Max,
}
