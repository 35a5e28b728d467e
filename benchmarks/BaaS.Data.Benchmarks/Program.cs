using System.Globalization;
using BaaS.Data;
using BaaS.Data.Benchmarks;
using BaaS.Data.PostgreSQL;
using BaaS.Data.Sqlite;
using Dapper;
using Npgsql;

// Usage: BaaS.Data.Benchmarks [--postgres "<Npgsql connection string>"] [--quick]
var quick = args.Contains("--quick");
var pgIndex = Array.IndexOf(args, "--postgres");
var pg = pgIndex >= 0 && pgIndex + 1 < args.Length ? args[pgIndex + 1] : Environment.GetEnvironmentVariable("BAAS_TEST_POSTGRES");
var rounds = quick ? 5 : 21;
var results = new List<Harness.Result>();

var sqlitePath = Path.Combine(Path.GetTempPath(), $"baas_bench_{Guid.NewGuid():N}.db");
using (var factory = new DbConnectionFactory($"Data Source={sqlitePath}", SqliteDialect.Instance))
    results.AddRange(Run("SQLite", factory, rounds));
foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(sqlitePath + suffix);

if (!string.IsNullOrEmpty(pg))
{
    var database = $"baas_bench_{Guid.NewGuid():N}"[..30];
    using (var admin = new NpgsqlConnection(pg))
    {
        admin.Open();
        admin.Execute($"CREATE DATABASE \"{database}\"");
    }
    var cs = new NpgsqlConnectionStringBuilder(pg) { Database = database }.ConnectionString;
    using (var factory = new DbConnectionFactory(cs, PostgreSqlDialect.Instance))
        results.AddRange(Run("PostgreSQL", factory, rounds));
    NpgsqlConnection.ClearAllPools();
    using (var admin = new NpgsqlConnection(pg))
    {
        admin.Open();
        admin.Execute($"DROP DATABASE \"{database}\" WITH (FORCE)");
    }
}
else Console.Error.WriteLine("PostgreSQL skipped: pass --postgres or set BAAS_TEST_POSTGRES (benchmarks/run-data.sh does).");

Console.WriteLine();
Console.WriteLine("| database | scenario | Dapper (µs/op) | BaaS.Data (µs/op) | ratio |");
Console.WriteLine("|---|---|---:|---:|---:|");
foreach (var r in results)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Database} | {r.Scenario} | {r.BaselineUs:F1} | {r.CandidateUs:F1} | {r.Ratio:F2} |"));
return 0;

static IEnumerable<Harness.Result> Run(string name, DbConnectionFactory factory, int rounds)
{
    using var db = factory.Open();
    var conn = db.Inner;
    db.DropTableIfExists<BenchRow>();
    db.CreateTable<BenchRow>();
    var t0 = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    List<BenchRow> Rows(int n) => Enumerable.Range(0, n).Select(i => new BenchRow
    {
        Name = "row " + i, Price = 10.25m + i, Quantity = i, CreatedAt = t0.AddMinutes(i), IsActive = i % 2 == 0,
    }).ToList();
    db.InsertAll(Rows(1000));

    const string columns = "id, name, price, quantity, created_at AS CreatedAt, is_active AS IsActive";
    var byId = $"SELECT {columns} FROM bench_row WHERE id = @id";
    var upTo = $"SELECT {columns} FROM bench_row WHERE id <= @max";
    const string insertReturning = "INSERT INTO bench_row (name, price, quantity, created_at, is_active) VALUES (@Name, @Price, @Quantity, @CreatedAt, @IsActive) RETURNING id";
    const string insert = "INSERT INTO bench_row (name, price, quantity, created_at, is_active) VALUES (@Name, @Price, @Quantity, @CreatedAt, @IsActive)";
    var id = 0;
    var max = 100;
    var one = Rows(1)[0];
    var batch = Rows(1000);
    var check = 0L;

    Console.Error.WriteLine($"[{name}] single row by id");
    yield return Harness.Compare(name, "single row by id",
        () => check += conn.QueryFirstOrDefault<BenchRow>(byId, new { id = id++ % 1000 + 1 })!.Quantity,
        () => check += db.SingleById<BenchRow>(id++ % 1000 + 1)!.Quantity,
        opsPerRound: 500, rounds);

    Console.Error.WriteLine($"[{name}] 100-row select");
    yield return Harness.Compare(name, "100-row select",
        () => check += conn.Query<BenchRow>(upTo, new { max }).AsList().Count,
        () => check += db.Select<BenchRow>(x => x.Id <= max).Count,
        opsPerRound: 50, rounds);

    // A filtered, ordered page of 20 and the count of all its matches (AutoQuery's include=total).
    var pageSql = $"SELECT {columns} FROM bench_row WHERE quantity >= @min ORDER BY price DESC LIMIT @take OFFSET @skip";
    const string countSql = "SELECT COUNT(*) FROM bench_row WHERE quantity >= @min";
    var page = db.From<BenchRow>().Where(x => x.Quantity >= max).OrderByDescending(x => x.Price).Skip(20).Take(20);

    Console.Error.WriteLine($"[{name}] page and total, two calls");
    yield return Harness.Compare(name, "page of 20, then its total (two calls)",
        () => check += conn.Query<BenchRow>(pageSql, new { min = max, take = 20, skip = 20 }).AsList().Count
                       + conn.ExecuteScalar<long>(countSql, new { min = max }),
        () => check += db.Select(page).Count + db.Count(page),
        opsPerRound: 50, rounds);

    Console.Error.WriteLine($"[{name}] page and total, one call");
    yield return Harness.Compare(name, "page of 20 with its total (one call)",
        () =>
        {
            using var grid = conn.QueryMultiple(pageSql + ";\n" + countSql, new { min = max, take = 20, skip = 20 });
            check += grid.Read<BenchRow>().AsList().Count + grid.ReadSingle<long>();
        },
        () =>
        {
            var (rows, total) = db.SelectWithTotal(page);
            check += rows.Count + total;
        },
        opsPerRound: 50, rounds);

    Console.Error.WriteLine($"[{name}] insert one");
    yield return Harness.Compare(name, "insert one",
        () => check += conn.ExecuteScalar<int>(insertReturning, one),
        () => check += db.Insert(one),
        opsPerRound: 100, rounds);

    Console.Error.WriteLine($"[{name}] insert 1,000 in a batch");
    yield return Harness.Compare(name, "insert 1,000 (one transaction)",
        () =>
        {
            using var tx = conn.BeginTransaction();
            check += conn.Execute(insert, batch, tx);
            tx.Commit();
        },
        () => check += db.InsertAll(batch),
        opsPerRound: 1, rounds: Math.Max(5, rounds / 2));

    GC.KeepAlive(check);
}
