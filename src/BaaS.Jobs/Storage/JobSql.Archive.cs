using System.Globalization;
using BaaS.Data;

namespace BaaS.Jobs;

internal sealed partial class JobSql
{
    // Finished jobs old enough to archive, and not awaited by a queued dependent.
    private const string Archivable = """
        ((j.state IN (@completed, @cancelled) AND j.completed_at < @cutoff) OR (j.state = @failed AND j.completed_at < @failedCutoff))
          AND j.completed_at >= @monthStart AND j.completed_at < @monthEnd
          AND NOT EXISTS (SELECT 1 FROM baas_job d WHERE d.waiting_for = j.id)
        """;

    /// <summary>The oldest completion time among jobs that can be archived.</summary>
    public const string OldestArchivable = """
        SELECT MIN(j.completed_at) FROM baas_job j
        WHERE (j.state IN (@completed, @cancelled) AND j.completed_at < @cutoff) OR (j.state = @failed AND j.completed_at < @failedCutoff)
        """;

    /// <summary>
    /// With row locks: the statement that moves up to <c>@take</c> finished jobs of one month into <paramref name="table"/>:
    /// <c>WITH moved AS (DELETE FROM baas_job WHERE id IN (SELECT j.id ... FOR UPDATE SKIP LOCKED) RETURNING "id", ...)
    /// INSERT INTO "baas_job_archive_202611" ("id", ...) SELECT "id", ... FROM moved</c>.
    /// </summary>
    public string ArchiveMove(string table) =>
        $"WITH moved AS (DELETE FROM baas_job WHERE id IN ({ArchivePick} FOR UPDATE SKIP LOCKED) RETURNING {Columns}) " +
        $"INSERT INTO {Dialect.QuoteIdentifier(table)} ({Columns}) SELECT {Columns} FROM moved";

    /// <summary>With a single writer: the ids of up to <c>@take</c> finished jobs of one month (read inside the write transaction).</summary>
    public const string ArchivePick = $"SELECT j.id FROM baas_job j WHERE {Archivable} ORDER BY j.id LIMIT @take";

    /// <summary>
    /// With a single writer: copies the jobs whose ids are in the JSON array <c>@ids</c> into <paramref name="table"/>:
    /// <c>INSERT INTO "baas_job_archive_202611" ("id", ...) SELECT "id", ... FROM baas_job WHERE id IN (SELECT value FROM json_each(@ids))</c>.
    /// </summary>
    public string ArchiveCopy(string table) =>
        $"INSERT INTO {Dialect.QuoteIdentifier(table)} ({Columns}) SELECT {Columns} FROM baas_job WHERE id IN (SELECT value FROM json_each(@ids))";

    /// <summary>With a single writer: deletes the jobs whose ids are in the JSON array <c>@ids</c>.</summary>
    public const string ArchiveDelete = "DELETE FROM baas_job WHERE id IN (SELECT value FROM json_each(@ids))";

    /// <summary>The name of a month's archive table: <c>baas_job_archive_202611</c>.</summary>
    public static string ArchiveTable(DateTime monthStart) =>
        "baas_job_archive_" + monthStart.ToString("yyyyMM", CultureInfo.InvariantCulture);

    /// <summary>The month key of an archive table: <c>2026-11</c>.</summary>
    public static string MonthKey(DateTime monthStart) => monthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// The statements that create a month's archive table with the live table's columns (the id as a plain key) and its
    /// indexes: <c>CREATE TABLE IF NOT EXISTS "baas_job_archive_202611" ("id" bigint NOT NULL PRIMARY KEY, "ref_id" text NOT NULL, ...)</c>.
    /// </summary>
    public IReadOnlyList<string> CreateArchive(string table)
    {
        var model = ModelDefinition.For<JobRecord>();
        var quoted = Dialect.QuoteIdentifier(table);
        var columns = model.Fields.Select(f => f.IsPrimaryKey
            ? $"{Dialect.QuoteIdentifier(f.ColumnName)} {Dialect.ColumnType(f)} NOT NULL PRIMARY KEY"
            : Dialect.ColumnDefinition(f));
        var statements = new List<string> { $"CREATE TABLE IF NOT EXISTS {quoted} (\n  {string.Join(",\n  ", columns)}\n)" };
        foreach (var column in new[] { "ref_id", "command", "tag", "state", "completed_at" })
            statements.Add($"CREATE INDEX IF NOT EXISTS {Dialect.QuoteIdentifier($"ix_{table}_{column}")} ON {quoted} ({Dialect.QuoteIdentifier(column)})");
        return statements;
    }
}
