using System.Text.RegularExpressions;

namespace BaaS.NativeTypes.Tests;

/// <summary>
/// The TypeScript and Python examples of the native-types pages stand, line for line, in the programs these tests
/// compile and run (Programs/typescript/main.ts and Programs/server-events/main.ts between <c>// #region snippet:name</c> and <c>// #endregion</c>,
/// Programs/python/main.py between <c># region snippet:name</c> and <c># endregion</c>). C# blocks are checked by
/// DocSnippetTests in BaaS.Tests.
/// </summary>
public partial class DocSnippetLanguagesTests
{
    [Theory]
    [InlineData("docs/native-types.md")]
    [InlineData("docs/python-client.md")]
    [InlineData("docs/openapi.md")]
    [InlineData("docs/server-events.md")]
    public void Every_typescript_and_python_block_matches_a_region_of_a_program_the_tests_run(string page)
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in new[] { Path.Combine(Repo.Programs, "typescript", "main.ts"), Path.Combine(Repo.Programs, "python", "main.py"),
                     Path.Combine(Repo.Programs, "server-events", "main.ts") })
            foreach (Match region in RegionRegex().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
                regions[region.Groups["name"].Value] = CodeText.Normalize(region.Groups["code"].Value);

        var text = File.ReadAllText(Path.Combine(Repo.Root, page)).ReplaceLineEndings("\n");
        var problems = new List<string>();
        var blocks = 0;
        foreach (Match block in BlockRegex().Matches(text))
        {
            blocks++;
            var line = text[..block.Index].Count(c => c == '\n') + 1;
            if (!block.Groups["name"].Success) problems.Add($"{page}:{line}: a {block.Groups["lang"].Value} block has no <!-- snippet: name --> before it.");
            else if (!regions.TryGetValue(block.Groups["name"].Value, out var code)) problems.Add($"{page}:{line}: no region '{block.Groups["name"].Value}' in the programs.");
            else if (code != CodeText.Normalize(block.Groups["code"].Value)) problems.Add($"{page}:{line}: '{block.Groups["name"].Value}' differs from the program:\n{code}");
        }
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
        Assert.True(page.EndsWith("openapi.md", StringComparison.Ordinal) || blocks > 0, $"{page} has no TypeScript or Python example");
    }

    [GeneratedRegex(@"(?:<!--\s*snippet:\s*(?<name>[\w.-]+)\s*-->\s*\n)?^```(?<lang>ts|typescript|python)\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex BlockRegex();

    [GeneratedRegex(@"^[ \t]*(?://|#) ?#?region snippet:(?<name>[\w.-]+)[^\n]*\n(?<code>.*?)\n[ \t]*(?://|#) ?#?endregion", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex RegionRegex();
}
