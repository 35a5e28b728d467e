namespace BaaS.Ui.Database;

/// <summary>Marks the columns whose values the database page withholds (<see cref="AdminUiOptions.HiddenColumns"/>).</summary>
internal static class HiddenColumns
{
    public const string Shown = "(hidden)";

    public static void Mark(DatabaseTable table, IReadOnlyList<string> patterns)
    {
        foreach (var column in table.Columns)
        {
            column.IsHidden = patterns.Any(p => Matches(p, column.Name) || Matches(p, table.Name + "." + column.Name));
        }
    }

    /// <summary>
    /// Whether <paramref name="name"/> matches <paramref name="pattern"/>, ignoring case, where <c>*</c> stands for any run
    /// of characters: one pass with a single backtrack point (the last <c>*</c>), so no input can make it slow.
    /// </summary>
    internal static bool Matches(string pattern, string name)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (p < pattern.Length && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(name[n]))
            {
                p++;
                n++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
