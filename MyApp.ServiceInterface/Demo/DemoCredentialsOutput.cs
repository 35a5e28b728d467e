namespace MyApp.ServiceInterface;

/// <summary>
/// Where generated demo passwords are shown: the console (standard output) by default. Never a logger: logs are
/// collected and kept, and the passwords must exist only in the console of the person who started the app.
/// </summary>
public sealed class DemoCredentialsOutput(TextWriter writer)
{
    private readonly Lock _lock = new();

    /// <summary>Prints the credentials as a small table, with how to get new ones.</summary>
    public void Write(IReadOnlyList<DemoCredential> credentials)
    {
        if (credentials.Count == 0) return;
        lock (_lock)
        {
            writer.WriteLine();
            writer.WriteLine("MyApp demo users (the passwords are shown this once and stored only as hashes;");
            writer.WriteLine("`dotnet run --project MyApp -- --seed --new-passwords` makes new ones):");
            foreach (var c in credentials)
                writer.WriteLine($"  {c.Role,-9} {c.Email,-24} {c.Password}");
            writer.WriteLine();
            writer.Flush();
        }
    }
}
