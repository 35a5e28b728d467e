using System.Text.RegularExpressions;

namespace BaaS.NativeTypes.Tests;

/// <summary>
/// The generated files, committed under Snapshots/ for review. When generation changes on purpose, update them with
/// <c>BAAS_UPDATE_SNAPSHOTS=1 dotnet test tests/BaaS.NativeTypes.Tests --filter SnapshotTests</c> and review the diff.
/// </summary>
public partial class SnapshotTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    public static TheoryData<string, string> Files() => new()
    {
        { "/types/typescript", "dtos.ts" },
        { "/types/csharp", "dtos.cs.txt" },
        { "/types/python", "dtos.py" },
        { "/openapi.json", "openapi.json" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Generated_output_matches_the_committed_snapshot(string path, string file)
    {
        var actual = Normalize(await fixture.Server.Http.GetTextAsync(path), fixture.Server.BaseUrl);
        var snapshot = Path.Combine(Repo.TestsFolder, "Snapshots", file);
        if (Environment.GetEnvironmentVariable("BAAS_UPDATE_SNAPSHOTS") == "1") await File.WriteAllTextAsync(snapshot, actual);
        Assert.True(File.Exists(snapshot), $"{snapshot} is missing: run with BAAS_UPDATE_SNAPSHOTS=1 to write it, then review and commit it.");
        var expected = (await File.ReadAllTextAsync(snapshot)).ReplaceLineEndings("\n");
        Assert.True(expected == actual,
            $"{path} differs from Snapshots/{file}. If the change is intended, run with BAAS_UPDATE_SNAPSHOTS=1 and review the diff.\n{FirstDifference(expected, actual)}");
    }

    /// <summary>The date and the server's port change every run.</summary>
    public static string Normalize(string text, string baseUrl) =>
        DateLine().Replace(text.ReplaceLineEndings("\n").Replace(baseUrl, "http://localhost:5000", StringComparison.Ordinal), "Date: 2000-01-01 00:00:00");

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "(end)";
            var right = i < a.Length ? a[i] : "(end)";
            if (left != right) return $"line {i + 1}:\n  snapshot: {left}\n  actual:   {right}";
        }
        return "";
    }

    [GeneratedRegex(@"^Date: .*$", RegexOptions.Multiline)]
    private static partial Regex DateLine();
}
