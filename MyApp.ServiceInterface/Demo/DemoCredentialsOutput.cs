using System.Text.RegularExpressions;

namespace MyApp.ServiceInterface;

/// <summary>
/// Where generated demo passwords are shown: the console (standard output) by default. Never a logger: logs are
/// collected and kept, and the passwords must exist only in the console of the person who started the app.
/// </summary>
public sealed partial class DemoCredentialsOutput(TextWriter writer)
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

    /// <summary>
    /// The passwords in text that <see cref="Write"/> printed (a console capture), by email; a user printed more than
    /// once (after <c>--seed --new-passwords</c>) has the last one. For scripts and tests that start MyApp.
    /// </summary>
    public static Dictionary<string, string> ReadPasswords(string printed)
    {
        var passwords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match line in CredentialLine().Matches(printed)) passwords[line.Groups["email"].Value] = line.Groups["password"].Value;
        return passwords;
    }

    // "  Customer  customer@example.com     5gFZruLZi4baHY6b", as Write prints it
    [GeneratedRegex(@"^  (?<role>\w+) +(?<email>\S+@\S+) +(?<password>\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex CredentialLine();
}
