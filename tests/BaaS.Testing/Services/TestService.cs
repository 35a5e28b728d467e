namespace BaaS.Testing;

/// <summary>
/// A server the test run starts on loopback (.ci/services.sh, sourced by ./test.sh) and names in an environment
/// variable. Adding one (Redis, an S3-compatible store, SMTP, Chromium) is adding a subclass that names the variable
/// and the script's start function. A test that needs a server that is not running fails with instructions; it is
/// never skipped.
/// </summary>
public abstract class TestService
{
    /// <summary>What the server is, for messages (e.g. <c>PostgreSQL</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The environment variable the script exports with the server's connection string or address.</summary>
    public abstract string EnvironmentVariable { get; }

    /// <summary>The function of .ci/services.sh that starts the server (e.g. <c>postgres_start</c>).</summary>
    public abstract string StartFunction { get; }

    /// <summary>True when the variable is set.</summary>
    public bool IsAvailable => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The variable's value.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set: the message says how to start the server.</exception>
    public string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Name} is required for this test: run ./test.sh, which starts it (or `source .ci/services.sh && {StartFunction}`, " +
                $"which exports {EnvironmentVariable}).");
}
