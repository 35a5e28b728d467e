namespace BaaS.Testing;

/// <summary>The test run's PostgreSQL server: an Npgsql connection string in <c>BAAS_TEST_POSTGRES</c> (a superuser, for creating databases).</summary>
public sealed class PostgresTestService : TestService
{
    /// <summary>The one instance.</summary>
    public static PostgresTestService Instance { get; } = new();

    private PostgresTestService() { }

    /// <inheritdoc />
    public override string Name => "PostgreSQL";

    /// <inheritdoc />
    public override string EnvironmentVariable => "BAAS_TEST_POSTGRES";

    /// <inheritdoc />
    public override string StartFunction => "postgres_start";
}
