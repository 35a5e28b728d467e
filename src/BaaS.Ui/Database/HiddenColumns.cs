using System.Text.RegularExpressions;

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

    private static bool Matches(string pattern, string name) =>
        Regex.IsMatch(name, "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(100));
}
