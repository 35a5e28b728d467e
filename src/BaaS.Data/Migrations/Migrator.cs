using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace BaaS.Data;

/// <summary>
/// Applies and reverts <see cref="Migration"/> classes found in assemblies, in the order of their numbers, each in
/// its own transaction, recording each in the <c>baas_migration</c> table (name, applied at, duration). Several
/// nodes may run it at once: they take turns and skip what another has applied.
/// <code>
/// var migrator = new Migrator(dbFactory, typeof(Migration0001_CreateRestaurants).Assembly);
/// await migrator.RunAsync(ct);          // apply pending
/// await migrator.RollbackAsync(1, ct);  // revert the latest
/// </code>
/// </summary>
public sealed partial class Migrator
{
    private readonly IDbConnectionFactory _factory;
    private readonly string? _connectionName;

    /// <summary>Migrations of the default connection, found in <paramref name="assemblies"/>.</summary>
    public Migrator(IDbConnectionFactory factory, params Assembly[] assemblies) : this(factory, null, assemblies)
    {
    }

    /// <summary>Migrations of a named connection (null for the default), found in <paramref name="assemblies"/>.</summary>
    public Migrator(IDbConnectionFactory factory, string? connectionName, params Assembly[] assemblies)
        : this(factory, assemblies.SelectMany(a => a.GetTypes()).Where(IsMigration), connectionName)
    {
    }

    /// <summary>Exactly these migration types (for tests, or to pick migrations by hand).</summary>
    /// <exception cref="InvalidOperationException">A type is misnamed, or two share a number.</exception>
    public Migrator(IDbConnectionFactory factory, IEnumerable<Type> migrationTypes, string? connectionName = null)
    {
        _factory = factory;
        _connectionName = connectionName;
        var list = new List<(long, string, Type)>();
        foreach (var type in migrationTypes.Distinct())
        {
            if (!IsMigration(type)) throw new InvalidOperationException($"{type.FullName} is not a non-abstract Migration class.");
            var match = NamePattern().Match(type.Name);
            if (!match.Success)
                throw new InvalidOperationException(
                    $"Migration class {type.FullName} must be named Migration<number>_<Description>, e.g. Migration0001_CreateRestaurants.");
            list.Add((long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), type.Name, type));
        }
        var duplicate = list.GroupBy(m => m.Item1).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null)
            throw new InvalidOperationException($"Migrations {string.Join(" and ", duplicate.Select(d => d.Item2))} share the number {duplicate.Key}.");
        var names = list.GroupBy(m => m.Item2).FirstOrDefault(g => g.Count() > 1);
        if (names != null) throw new InvalidOperationException($"Two migration classes are named {names.Key} (in different namespaces).");
        Migrations = list.OrderBy(m => m.Item1).Select(m => new MigrationInfo(m.Item1, m.Item2, m.Item3)).ToArray();
    }

    /// <summary>The known migrations, in order.</summary>
    public IReadOnlyList<MigrationInfo> Migrations { get; }

    /// <summary>A migration class and its number.</summary>
    /// <param name="Number">The number from the class name.</param>
    /// <param name="Name">The class name.</param>
    /// <param name="Type">The class.</param>
    public sealed record MigrationInfo(long Number, string Name, Type Type);

    [GeneratedRegex(@"^Migration(\d+)_\w+$")]
    private static partial Regex NamePattern();

    private static bool IsMigration(Type t) => t is { IsClass: true, IsAbstract: false } && typeof(Migration).IsAssignableFrom(t);

    private Task<DataConnection> OpenAsync(CancellationToken ct) =>
        _connectionName == null ? _factory.OpenAsync(ct) : _factory.OpenAsync(_connectionName, ct);

    /// <summary>Every known migration and every recorded one, with whether and when it was applied.</summary>
    public async Task<IReadOnlyList<MigrationStatus>> GetStatusAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        await db.CreateTableIfNotExistsAsync<MigrationRecord>(ct).ConfigureAwait(false);
        var records = (await db.SelectAsync<MigrationRecord>(ct: ct).ConfigureAwait(false)).ToDictionary(r => r.Name);
        var result = Migrations.Select(m => records.TryGetValue(m.Name, out var r)
            ? new MigrationStatus(m.Number, m.Name, true, r.AppliedAt, r.DurationMs)
            : new MigrationStatus(m.Number, m.Name, false, null, null)).ToList();
        result.AddRange(records.Values.Where(r => Migrations.All(m => m.Name != r.Name))
            .Select(r => new MigrationStatus(r.Number, r.Name, true, r.AppliedAt, r.DurationMs, IsKnown: false)));
        return result.OrderBy(s => s.Number).ToArray();
    }

    /// <summary>Applies every pending migration in order; returns the names applied. Stops at the first failure.</summary>
    /// <exception cref="MigrationException">A migration failed; it was rolled back, those before it stay applied.</exception>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        await db.CreateTableIfNotExistsAsync<MigrationRecord>(ct).ConfigureAwait(false);
        var applied = new List<string>();
        foreach (var migration in Migrations)
        {
            ct.ThrowIfCancellationRequested();
            if (await InTransaction(db, migration, up: true, ct).ConfigureAwait(false)) applied.Add(migration.Name);
        }
        return applied;
    }

    /// <summary>Reverts the latest <paramref name="count"/> applied migrations, newest first; returns their names.</summary>
    /// <exception cref="MigrationException">A Down failed; it was rolled back, and those after it in the order stay reverted.</exception>
    public async Task<IReadOnlyList<string>> RollbackAsync(int count = 1, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        await db.CreateTableIfNotExistsAsync<MigrationRecord>(ct).ConfigureAwait(false);
        var records = await db.SelectAsync<MigrationRecord>(ct: ct).ConfigureAwait(false);
        var reverted = new List<string>();
        foreach (var record in records.OrderByDescending(r => r.Number).Take(count))
        {
            var migration = Migrations.FirstOrDefault(m => m.Name == record.Name) ?? throw new InvalidOperationException(
                $"Cannot roll back {record.Name}: no such migration class in the given assemblies.");
            if (await InTransaction(db, migration, up: false, ct).ConfigureAwait(false)) reverted.Add(migration.Name);
        }
        return reverted;
    }

    // Returns false when there was nothing to do (another node did it first).
    private static async Task<bool> InTransaction(DataConnection db, MigrationInfo migration, bool up, CancellationToken ct)
    {
        var instance = (Migration)Activator.CreateInstance(migration.Type)!;
        if (!instance.RebuildsTables || db.Dialect.ForeignKeyRebuildStatements is not { } fk)
            return await InTransaction(db, migration, instance, up, null, ct).ConfigureAwait(false);
        // SQLite ignores a change of foreign_keys inside a transaction: switch it before beginning, and back after.
        await db.ExecuteSqlAsync(fk.Off, ct: ct).ConfigureAwait(false);
        try
        {
            return await InTransaction(db, migration, instance, up, fk.Check, ct).ConfigureAwait(false);
        }
        finally
        {
            await db.ExecuteSqlAsync(fk.On, ct: CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<bool> InTransaction(DataConnection db, MigrationInfo migration, Migration instance, bool up,
        string? foreignKeyCheck, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (db.Dialect.MigrationLockStatement(ModelDefinition.For<MigrationRecord>()) is { } lockSql)
            await db.ExecuteSqlAsync(lockSql, ct: ct).ConfigureAwait(false);
        var isApplied = await db.ExistsAsync<MigrationRecord>(r => r.Name == migration.Name, ct).ConfigureAwait(false);
        if (isApplied == up)
        {
            await tx.RollbackAsync(ct).ConfigureAwait(false);
            return false;
        }
        instance.Db = db;
        db.FailedSql = null;
        var clock = Stopwatch.StartNew();
        try
        {
            if (up) await instance.UpAsync(ct).ConfigureAwait(false);
            else await instance.DownAsync(ct).ConfigureAwait(false);
            // PRAGMA foreign_key_check: one row (table, rowid, parent, fkid) per violation.
            if (foreignKeyCheck != null
                && await SchemaOps.Rows(db, foreignKeyCheck, [], Executor.UseAsync(db, true), ct).ConfigureAwait(false) is { Count: > 0 } broken)
                throw new InvalidOperationException(
                    $"{migration.Name} left foreign keys broken (checked because it rebuilds tables): table {broken[0][0]} row " +
                    $"{broken[0][1]} refers to a missing row of {broken[0][2]}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failed = db.FailedSql;
            await tx.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            throw new MigrationException(migration.Name, up ? "Up" : "Down", failed, ex);
        }
        if (up)
        {
            await db.InsertAsync(new MigrationRecord
            {
                Name = migration.Name,
                Number = migration.Number,
                AppliedAt = DateTime.UtcNow,
                DurationMs = clock.ElapsedMilliseconds,
            }, ct).ConfigureAwait(false);
        }
        else await db.DeleteByIdAsync<MigrationRecord>(migration.Name, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }
}
