using BaaS;
using BaaS.Auth;
using BaaS.Benchmarks.AutoQuery;
using BaaS.Data;
using BaaS.Data.PostgreSQL;
using BaaS.Data.Sqlite;

// The platform's side of the products benchmark, written the way a user writes an app: a model, three AutoQuery DTOs
// that require a signed-in user, the platform's own auth (JWT), production settings, its own process. The script
// (benchmarks/run-autoquery.sh) compares it with the hand-written server in ../shared/baseline.
//
//   dotnet BaaS.AutoQuery.Benchmarks.dll --urls http://127.0.0.1:PORT     serve
//   dotnet BaaS.AutoQuery.Benchmarks.dll --seed N                          migrate, load rows 1..N into an empty table, exit
//
// Configuration, from the environment like a deployed app: ConnectionStrings__DefaultConnection (SQLite
// "Data Source=..." or Npgsql "Host=...;Database=..."), Auth__Jwt__Secret, Auth__Admin__Email/Password (optional),
// ConnectionStrings__Redis (optional: the cache, and so the rate-limit counters and the token deny list, on Redis
// instead of in memory), RequestLogs__Enabled (optional: request logs on), OTEL_EXPORTER_OTLP_ENDPOINT and
// OpenTelemetry__* (optional: traces and metrics by OTLP).
// The content root is the app's folder, as when it is deployed, so its appsettings.json (logging at Warning) applies
// whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var connectionString = builder.Configuration.GetConnectionString("DefaultConnection")
    ?? throw new InvalidOperationException("Set ConnectionStrings__DefaultConnection to a SQLite (Data Source=...) or Npgsql (Host=...) connection string.");
var dialect = connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? (DialectProvider)PostgreSqlDialect.Instance : SqliteDialect.Instance;
var factory = new DbConnectionFactory(connectionString, dialect);
builder.Services.AddSingleton<IDbConnectionFactory>(factory);
builder.Services.AddBaaS(o => o.ServiceName = "ProductsBenchmark", typeof(Product).Assembly);
builder.Services.AddAutoQuery(o =>
{
    o.MaxLimit = 100;
    o.EnableAuditLog = false; // the hand-written side writes one row per create, so this side does too
});
builder.Services.AddBaaSAuth(builder.Configuration.GetSection("Auth"));
builder.Services.AddBaaSRedis(builder.Configuration); // the cache, rate-limit counters and deny list on Redis when ConnectionStrings__Redis is set
builder.Services.AddResponseCache(); // [CacheResponse] on QueryProductsCached
// Request logs only when RequestLogs__Enabled=true (run-autoquery.sh --logs), so the other modes measure without them;
// RequestLogs__IncludeBodies=true keeps the bodies too.
if (builder.Configuration.GetValue<bool>("RequestLogs:Enabled")) builder.Services.AddRequestLogs();
if (BaaS.OpenTelemetry.OpenTelemetryServiceCollectionExtensions.IsConfigured(builder.Configuration))
    BaaS.OpenTelemetry.OpenTelemetryServiceCollectionExtensions.AddBaaSOpenTelemetry(builder.Services, builder.Configuration); // --tracing

await new Migrator(factory, AuthMigrations.With(typeof(Product).Assembly)).RunAsync();
if (args.Contains("--seed"))
{
    var count = int.Parse(args[Array.IndexOf(args, "--seed") + 1], System.Globalization.CultureInfo.InvariantCulture);
    Console.WriteLine($"product rows loaded: {await ProductSeed.LoadAsync(factory, count)}");
    return;
}

var app = builder.Build();
app.UseBaaS();
await app.RunAsync();
