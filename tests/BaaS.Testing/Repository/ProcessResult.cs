namespace BaaS.Testing;

/// <summary>How a process run by <see cref="Repo.RunAsync"/> ended: its exit code and what it wrote.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Errors)
{
    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}
