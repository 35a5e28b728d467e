using BaaS.Data;

namespace BaaS.Tests.Fixtures;

/// <summary>Reads one value from the app's database.</summary>
public class ProbeDatabase : IReturn<ProbeDatabaseResponse>, IGet
{
}

/// <summary>Writes a row through the app's (SQLite) database, waiting at most 50 ms for another writer's lock.</summary>
public class WriteProbe : IReturn<ProbeDatabaseResponse>, IPost
{
}

public class ProbeDatabaseResponse
{
    public long Value { get; set; }

    public ResponseStatus? ResponseStatus { get; set; }
}

public class DatabaseProbeServices(IDbConnectionFactory factory) : Service
{
    public async Task<ProbeDatabaseResponse> Get(ProbeDatabase request)
    {
        await using var db = await factory.OpenAsync(CancellationToken);
        return new ProbeDatabaseResponse { Value = await db.SqlScalarAsync<long>("SELECT 1", ct: CancellationToken) };
    }

    public async Task<ProbeDatabaseResponse> Post(WriteProbe request)
    {
        await using var db = await factory.OpenAsync(CancellationToken);
        await db.ExecuteSqlAsync("PRAGMA busy_timeout = 50", ct: CancellationToken);
        return new ProbeDatabaseResponse { Value = await db.ExecuteSqlAsync("INSERT INTO probe (value) VALUES (1)", ct: CancellationToken) };
    }
}
