using BaaS.Data;

namespace BaaS.Data.Tests;

/// <summary>A database for one run of the behaviour suite: a factory on it, and its dialect.</summary>
public abstract class DatabaseFixture : IDisposable
{
    public abstract DbConnectionFactory Factory { get; }

    public DialectProvider Dialect => Factory.Dialect;

    public bool IsPostgres => Dialect.Name == "PostgreSQL";

    public DataConnection Open() => Factory.Open();

    public Task<DataConnection> OpenAsync() => Factory.OpenAsync();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
