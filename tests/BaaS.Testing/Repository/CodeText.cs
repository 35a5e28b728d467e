namespace BaaS.Testing;

/// <summary>Code as the docs show it, for comparing a page's block with the program's region.</summary>
public static class CodeText
{
    /// <summary>Drops blank edges and trailing spaces, and the indentation all lines share.</summary>
    public static string Normalize(string code)
    {
        var lines = code.Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        var indent = lines.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l));
    }
}
