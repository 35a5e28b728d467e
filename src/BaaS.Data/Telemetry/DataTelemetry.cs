using System.Data.Common;
using System.Diagnostics;

namespace BaaS.Data;

/// <summary>
/// The span of each SQL command that BaaS.Data runs, on the <c>BaaS.Data</c> <see cref="ActivitySource"/>: a client span
/// named after the statement's verb (<c>SELECT</c>, <c>INSERT</c>...), tagged <c>db.system</c> (<c>sqlite</c>,
/// <c>postgresql</c>), <c>db.name</c>, <c>db.operation</c> and <c>db.statement</c>, the SQL text as sent: values are
/// always parameters (<c>@p0</c>), so it holds none. A command gets a span only inside another span that is still running
/// (an operation call, a job's run): background loops that poll the database make no traces of their own. While
/// nothing listens, a command pays one check.
/// </summary>
public static class DataTelemetry
{
    /// <summary>The source's name.</summary>
    public const string SourceName = "BaaS.Data";

    private static readonly ActivitySource Source = new(SourceName, typeof(DataTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the span of a command running <paramref name="sql"/> on <paramref name="db"/>, or answers null.</summary>
    internal static Activity? Start(DataConnection db, string sql)
    {
        // Only under a live span: work that outlives the request it started from (a background loop that captured its
        // context) must not hang commands under a span that has ended.
        if (!Source.HasListeners() || Activity.Current is not { IsStopped: false }) return null;
        var operation = OperationOf(sql);
        var activity = Source.StartActivity(operation ?? db.Dialect.TelemetryName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system", db.Dialect.TelemetryName);
            activity.SetTag("db.name", db.Database);
            if (operation is not null) activity.SetTag("db.operation", operation);
            activity.SetTag("db.statement", sql);
        }
        return activity;
    }

    /// <summary>Marks the span failed with the driver's error (its SQLSTATE when it has one); always true, for exception filters.</summary>
    internal static bool Failed(Activity? activity, DbException exception)
    {
        if (activity is { IsAllDataRequested: true })
        {
            var type = exception.SqlState ?? exception.GetType().FullName;
            activity.SetTag("error.type", type);
            activity.SetStatus(ActivityStatusCode.Error, type);
        }
        return true;
    }

    private static readonly string[] Verbs =
        ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "CREATE", "ALTER", "DROP", "BEGIN", "COMMIT", "ROLLBACK", "PRAGMA", "VACUUM", "ANALYZE", "LISTEN", "NOTIFY"];

    /// <summary>The statement's first keyword, upper case (<c>SELECT</c>), or null when it starts with none.</summary>
    internal static string? OperationOf(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = 0;
        while (end < text.Length && char.IsAsciiLetter(text[end])) end++;
        if (end == 0) return null;
        var word = text[..end];
        foreach (var verb in Verbs)
            if (word.Equals(verb, StringComparison.OrdinalIgnoreCase)) return verb;
        return word.ToString().ToUpperInvariant();
    }
}
