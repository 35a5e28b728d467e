namespace BaaS.Data;

/// <summary>
/// Aggregate markers for query lambdas: <c>db.Scalar&lt;Order, decimal&gt;(x =&gt; Sql.Sum(x.Total))</c>,
/// <c>q.Select(x =&gt; new { x.Status, Total = Sql.Sum(x.Total) })</c>. They are translated to SQL and never run.
/// </summary>
public static class Sql
{
    /// <summary><c>COUNT(*)</c>.</summary>
    public static long Count() => throw OnlyInQueries();

    /// <summary><c>COUNT(field)</c>: the number of non-null values.</summary>
    public static long Count<T>(T field) => throw OnlyInQueries();

    /// <summary><c>SUM(field)</c>.</summary>
    public static T Sum<T>(T field) => throw OnlyInQueries();

    /// <summary><c>AVG(field)</c>.</summary>
    public static T Avg<T>(T field) => throw OnlyInQueries();

    /// <summary><c>MIN(field)</c>.</summary>
    public static T Min<T>(T field) => throw OnlyInQueries();

    /// <summary><c>MAX(field)</c>.</summary>
    public static T Max<T>(T field) => throw OnlyInQueries();

    private static InvalidOperationException OnlyInQueries() =>
        new("Sql.Count/Sum/Avg/Min/Max are markers for query lambdas; they cannot be called directly.");
}
