using System.Collections.Concurrent;
using BaaS.Data;
using BaaS.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Tests.Idempotency;

/// <summary>Creates a note (a row in the app's database), after waiting at a gate, and fails when asked.</summary>
public sealed class CreateIdemNote : IReturn<IdemNoteResponse>, IPost
{
    public string Text { get; set; } = "";
    /// <summary>Wait at this gate before writing.</summary>
    public string? Gate { get; set; }
    /// <summary>Write the note, then fail with this status the first time this text is sent.</summary>
    public int? FailFirstWith { get; set; }
}

public sealed class IdemNoteResponse
{
    public long Id { get; set; }
    public string Text { get; set; } = "";
}

[Alias("idem_note")]
public sealed class IdemNote
{
    [AutoIncrement] public long Id { get; set; }
    public string Text { get; set; } = "";
}

public sealed class IdemServices : Service
{
    public static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();
    private static readonly ConcurrentDictionary<string, bool> Failed = new();

    public static TaskCompletionSource Gate(string name) => Gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public async Task<IdemNoteResponse> Post(CreateIdemNote request)
    {
        if (request.Gate is { } gate) await Gate(gate).Task.WaitAsync(TimeSpan.FromSeconds(30));
        var db = await OpenDbAsync();
        var id = await db.InsertAsync(new IdemNote { Text = request.Text }, CancellationToken);
        if (request.FailFirstWith is { } status && Failed.TryAdd(request.Text, true))
            throw new HttpError(status, "AskedToFail", "Failed as asked, after writing.");
        return new IdemNoteResponse { Id = id, Text = request.Text };
    }
}

/// <summary>A clock the tests move forward.</summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}

/// <summary>A server with <c>Idempotency-Key</c> handling, the note service and test authentication, on one engine.</summary>
public abstract class IdempotencyFixture(TestDatabaseKind kind) : TestServerFixture
{
    public MovableClock Clock { get; } = new();

    protected override void Configure(TestServerOptions options)
    {
        options.Dialect = kind;
        options.UseTestAuthentication = true;
        options.ServiceTypes.Add(typeof(IdemServices));
        options.PrepareDatabase = async factory =>
        {
            await using var db = await factory.OpenAsync();
            await db.CreateTableIfNotExistsAsync<IdemNote>();
        };
        options.ConfigureServices += s => s.AddSingleton<TimeProvider>(Clock).AddIdempotency(o => o.InProgressTimeout = TimeSpan.FromMinutes(1));
    }

    public async Task ExecuteAsync(string sql, object? param = null)
    {
        await using var db = await Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await db.ExecuteSqlAsync(sql, param);
    }

    public async Task<long> CountAsync(string sql, object? param = null)
    {
        await using var db = await Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return await db.SqlScalarAsync<long>(sql, param);
    }
}

public sealed class SqliteIdempotencyFixture() : IdempotencyFixture(TestDatabaseKind.SqliteFile);

public sealed class PostgreSqlIdempotencyFixture() : IdempotencyFixture(TestDatabaseKind.PostgreSql);
