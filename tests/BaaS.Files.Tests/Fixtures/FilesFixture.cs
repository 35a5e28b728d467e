using Microsoft.AspNetCore.Hosting;
using BaaS.Data;
using BaaS.Files.Images;
using BaaS.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BaaS.Files.Tests.Fixtures;

/// <summary>Which store a <see cref="FilesFixture"/> keeps files in.</summary>
public enum StoreKind { Local, S3 }

/// <summary>
/// A test server taking uploads through AutoQuery and a hand-written service, on a database of its own and the local
/// disk or the run's S3-compatible server (a bucket prefix of its own). Its clock is a <see cref="FakeTimeProvider"/>;
/// callers act as users with the test authentication scheme.
/// </summary>
public abstract class FilesFixture(TestDatabaseKind database, StoreKind store) : TestServerFixture
{
    public const string Owner = "7:olive|Owner|";
    public const string OtherOwner = "8:oscar|Owner|";
    public const string Guest = "9:gus||";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    public StoreKind Store => store;

    /// <summary>The local store's folder (used when <see cref="Store"/> is Local).</summary>
    public string LocalPath { get; } = Path.Combine(Path.GetTempPath(), "baas-files-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Where uploads wait while their request runs: empty between requests.</summary>
    public string TempPath { get; } = Path.Combine(Path.GetTempPath(), "baas-files-tests", Guid.NewGuid().ToString("N") + "-tmp");

    /// <summary>The key prefix in the S3 bucket (used when <see cref="Store"/> is S3).</summary>
    public string S3Prefix { get; } = "tests-" + Guid.NewGuid().ToString("N")[..8] + "/";

    private TestDatabase? _database;

    public DbConnectionFactory Factory => Server.Db;

    public IFileStore FileStore => Services.GetServices<IFileStore>().Last();

    protected override void Configure(TestServerOptions options)
    {
        options.Dialect = database;
        options.DatabasePrefix = "baas_files";
        options.PrepareDatabase = async factory =>
        {
            await using var db = await factory.OpenAsync();
            await db.CreateTableAsync<Dish>();
        };
        options.ConfigureConnections += (_, db) => _database = db;
        options.UseTestAuthentication = true;
        options.ServiceTypes.Add(typeof(FileServices));
        options.Configuration["Files:SigningKey"] = "a-test-signing-key-that-is-long-enough-0123456789";
        if (store == StoreKind.S3)
        {
            var s3 = S3TestService.Instance;
            options.Configuration["Files:S3:ServiceUrl"] = s3.ConnectionString;
            options.Configuration["Files:S3:Bucket"] = S3TestService.Bucket;
            options.Configuration["Files:S3:AccessKey"] = S3TestService.AccessKey;
            options.Configuration["Files:S3:SecretKey"] = S3TestService.SecretKey;
            options.Configuration["Files:S3:Prefix"] = S3Prefix;
        }
        options.ConfigureServices += services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddNativeTypes().AddBaaSOpenApi();
            services.AddApiExplorer(o => o.Enabled = true);
            // The variant jobs share the app's database, so they are queued in the row's own transaction.
            services.AddBaaSJobs(j =>
            {
                j.UseDatabase(_database!.ConnectionString, _database.Dialect);
                j.PollInterval = TimeSpan.FromMilliseconds(50);
                j.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
                j.MaintenanceInterval = TimeSpan.FromMilliseconds(100);
                j.ShutdownGracePeriod = TimeSpan.FromMilliseconds(500);
            });

            services.AddAutoQuery(o => o.Types.AddRange([typeof(CreateDish), typeof(PatchDish), typeof(DeleteDish), typeof(QueryDishes)]));
            #region snippet:files-register
            services.AddFiles(o =>
            {
                o.Locations.Add(new FileLocation("menu-photos")
                {
                    PathTemplate = "/restaurants/{RestaurantId}/{Guid}.{ext}",
                    AllowedTypes = ["image/png", "image/jpeg", "image/webp"],
                    MaxBytes = 2 * 1024 * 1024,
                    Write = FileAccessRule.Roles("Owner"),
                    Variants = [new ImageVariant("thumb", 64, 64, ImageVariantFormat.WebP, 75)],
                });
                o.Locations.Add(new FileLocation("docs")
                {
                    PathTemplate = "{Folder}/{Guid}.{ext}",
                    AllowedTypes = ["application/pdf", "text/plain", "text/csv", "application/json"],
                    MaxBytes = 1024 * 1024,
                    Read = FileAccessRule.Owner,
                });
            });
            services.AddFileImageVariants(); // thumbnails by a BaaS.Jobs command (BaaS.Files.Images)
            #endregion
            services.Configure<ImageVariantOptions>(v => v.MaxPixels = 40_000_000);
            services.Configure<FilesOptions>(o =>
            {
                o.LocalPath = LocalPath;
                o.TempPath = TempPath;
                o.Locations.Add(new FileLocation("blobs") { AllowedTypes = ["application/octet-stream"], MaxBytes = 4L * 1024 * 1024 * 1024 });
            });
        };
        options.ConfigureBuilder += builder =>
        {
            if (store == StoreKind.S3) builder.Services.AddFilesS3(builder.Configuration, builder.Environment);
            // The streaming check sends more than Kestrel's default body limit; the framework lowers it per request.
            builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        };
    }

    /// <summary>True when a file exists in the store at the URL's key.</summary>
    public async Task<bool> ExistsAsync(string url)
    {
        var path = url["/files/".Length..];
        return await FileStore.GetInfoAsync(path, CancellationToken.None) is not null;
    }

    /// <summary>How many objects the store holds under a key prefix (<c>menu-photos/restaurants/7/</c>).</summary>
    public async Task<int> CountAsync(string prefix)
    {
        if (store == StoreKind.Local)
        {
            var folder = Path.Combine(LocalPath, prefix);
            return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length : 0;
        }
        using var client = new Amazon.S3.AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials(S3TestService.AccessKey, S3TestService.SecretKey),
            new Amazon.S3.AmazonS3Config { ServiceURL = S3TestService.Instance.ConnectionString, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        var listed = await client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = S3TestService.Bucket, Prefix = S3Prefix + prefix });
        return listed.S3Objects?.Count ?? 0;
    }

    /// <summary>How many files wait in the temporary folder.</summary>
    public int TemporaryCount => Directory.Exists(TempPath) ? Directory.GetFiles(TempPath).Length : 0;

    /// <summary>
    /// The temporary files left once requests have finished: a request's spooled uploads are deleted when it ends, which
    /// can be just after its response reached the client (and another test's upload may be in flight), so this waits, up
    /// to a bound, for the folder to empty, and answers what is left then.
    /// </summary>
    public async Task<int> TemporaryCountSettledAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (TemporaryCount > 0 && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
        return TemporaryCount;
    }

    protected override ValueTask AfterStopAsync()
    {
        foreach (var folder in new[] { LocalPath, TempPath })
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteLocalFilesFixture() : FilesFixture(TestDatabaseKind.SqliteFile, StoreKind.Local);

public sealed class PostgresLocalFilesFixture() : FilesFixture(TestDatabaseKind.PostgreSql, StoreKind.Local);

public sealed class PostgresS3FilesFixture() : FilesFixture(TestDatabaseKind.PostgreSql, StoreKind.S3);
