namespace BaaS.Data;

public static partial class DataConnectionExtensions
{
    /// <summary>
    /// Runs raw SQL and reads the rows as <typeparamref name="T"/> (columns matched to fields by column or property
    /// name; a simple type reads the first column). Parameters come from <paramref name="param"/> only:
    /// <c>db.SqlList&lt;Order&gt;("select * from \"order\" where total &gt; @min", new { min })</c>.
    /// </summary>
    public static List<T> SqlList<T>(this DataConnection db, string sql, object? param = null) =>
        Executor.Sync(Executor.QueryRawAsync<T>(db, sql, param, false, default));

    /// <inheritdoc cref="SqlList{T}(DataConnection, string, object)"/>
    public static Task<List<T>> SqlListAsync<T>(this DataConnection db, string sql, object? param = null, CancellationToken ct = default) =>
        Executor.QueryRawAsync<T>(db, sql, param, Async(db), ct).AsTask();

    /// <summary>Runs raw SQL and returns the first column of the first row, converted to <typeparamref name="T"/> (default if none).</summary>
    public static T? SqlScalar<T>(this DataConnection db, string sql, object? param = null) =>
        (T?)db.Dialect.FromDbValue(Executor.Sync(Executor.ScalarRawAsync(db, sql, param, false, default)), typeof(T), null);

    /// <inheritdoc cref="SqlScalar{T}(DataConnection, string, object)"/>
    public static async Task<T?> SqlScalarAsync<T>(this DataConnection db, string sql, object? param = null, CancellationToken ct = default) =>
        (T?)db.Dialect.FromDbValue(await Executor.ScalarRawAsync(db, sql, param, Async(db), ct).ConfigureAwait(false), typeof(T), null);

    /// <summary>Runs a raw SQL statement with parameters and returns the rows affected.</summary>
    public static int ExecuteSql(this DataConnection db, string sql, object? param = null) =>
        Executor.Sync(Executor.ExecuteRawAsync(db, sql, param, false, default));

    /// <inheritdoc cref="ExecuteSql(DataConnection, string, object)"/>
    public static Task<int> ExecuteSqlAsync(this DataConnection db, string sql, object? param = null, CancellationToken ct = default) =>
        Executor.ExecuteRawAsync(db, sql, param, Async(db), ct).AsTask();

    /// <summary>Runs raw SQL and returns its first column, converted to <typeparamref name="T"/>.</summary>
    public static List<T> Column<T>(this DataConnection db, string sql, object? param = null) =>
        Executor.Sync(Executor.QueryRawAsync<T>(db, sql, param, false, default));

    /// <inheritdoc cref="Column{T}(DataConnection, string, object)"/>
    public static Task<List<T>> ColumnAsync<T>(this DataConnection db, string sql, object? param = null, CancellationToken ct = default) =>
        Executor.QueryRawAsync<T>(db, sql, param, Async(db), ct).AsTask();

    /// <summary>Runs raw SQL and returns its first two columns as a dictionary.</summary>
    public static Dictionary<TKey, TValue> Dictionary<TKey, TValue>(this DataConnection db, string sql, object? param = null) where TKey : notnull =>
        ToDictionary<TKey, TValue>(db, Executor.Sync(Executor.QueryRawAsync<object?[]>(db, sql, param, false, default)));

    /// <inheritdoc cref="Dictionary{TKey, TValue}(DataConnection, string, object)"/>
    public static async Task<Dictionary<TKey, TValue>> DictionaryAsync<TKey, TValue>(this DataConnection db, string sql, object? param = null,
        CancellationToken ct = default) where TKey : notnull =>
        ToDictionary<TKey, TValue>(db, await Executor.QueryRawAsync<object?[]>(db, sql, param, Async(db), ct).ConfigureAwait(false));

    private static Dictionary<TKey, TValue> ToDictionary<TKey, TValue>(DataConnection db, List<object?[]> rows) where TKey : notnull
    {
        var result = new Dictionary<TKey, TValue>(rows.Count);
        foreach (var row in rows)
            result[(TKey)db.Dialect.FromDbValue(row[0], typeof(TKey), null)!] = (TValue)db.Dialect.FromDbValue(row[1], typeof(TValue), null)!;
        return result;
    }
}
