using System.Text.RegularExpressions;

namespace BaaS.Tests.Docs;

/// <summary>
/// Every C# example in docs/ must stand, line for line, in a <c>#region snippet:name</c> of code that the test
/// suites compile and run (a test, or the app they start), so the examples users copy work (see docs/README.md).
/// </summary>
public partial class DocSnippetTests
{
    private static readonly string Root = Repo.Root;

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var page in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order()) data.Add("docs/" + Path.GetFileName(page));
        data.Add("README.md");
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_csharp_block_in_the_page_matches_a_test_region(string page)
    {
        var regions = Regions();
        var text = File.ReadAllText(Path.Combine(Root, page)).ReplaceLineEndings("\n");
        var problems = new List<string>();
        foreach (Match block in CodeBlockRegex().Matches(text))
        {
            var name = block.Groups["name"].Success ? block.Groups["name"].Value : null;
            var line = text[..block.Index].Count(c => c == '\n') + 1;
            if (name is null)
            {
                problems.Add($"{page}:{line}: a csharp block has no <!-- snippet: name --> before it.");
                continue;
            }
            if (!regions.TryGetValue(name, out var region))
            {
                problems.Add($"{page}:{line}: snippet '{name}' has no '#region snippet:{name}' in the repository's C# files.");
                continue;
            }
            var shown = CodeText.Normalize(block.Groups["code"].Value);
            if (shown != region.Code)
                problems.Add($"{page}:{line}: snippet '{name}' differs from {region.File}.\n--- page:\n{shown}\n--- test:\n{region.Code}");
        }
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Fact]
    public void The_checker_finds_regions_in_this_file()
    {
        Assert.True(Regions().ContainsKey("docs-checker-self-test"));
#region snippet:docs-checker-self-test
        var answer = 6 * 7;
#endregion
        Assert.Equal(42, answer);
    }

    private static Dictionary<string, (string File, string Code)> Regions()
    {
        var regions = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") ||
                file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            foreach (Match region in RegionRegex().Matches(text))
            {
                var name = region.Groups["name"].Value;
                if (!regions.TryAdd(name, (Path.GetRelativePath(Root, file), CodeText.Normalize(region.Groups["code"].Value))))
                    throw new InvalidOperationException($"Snippet region '{name}' is declared twice: {regions[name].Item1} and {file}.");
            }
        }
        return regions;
    }


    [GeneratedRegex(@"(?:<!--\s*snippet:\s*(?<name>[\w.-]+)\s*-->\s*\n)?^```csharp\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CodeBlockRegex();

    [GeneratedRegex(@"^[ \t]*#region snippet:(?<name>[\w.-]+)[^\n]*\n(?<code>.*?)\n[ \t]*#endregion", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex RegionRegex();
}
