namespace BaaS.Data.PostgreSQL;

/// <summary>
/// PostgreSQL text cannot hold U+0000, which .NET strings can. So that every string round-trips, the NUL character
/// is stored as U+E000 followed by '0', and U+E000 itself (a private-use character) as U+E000 U+E000. The mapping
/// works character by character, so equality, LIKE prefixes and suffixes still match encoded parameters; strings
/// without either character (nearly all) are stored unchanged and cost one vectorised scan.
/// </summary>
internal static class PgText
{
    private const char Escape = '\uE000';

    public static string Encode(string s)
    {
        var first = s.AsSpan().IndexOfAny('\0', Escape);
        if (first < 0) return s;
        var sb = new System.Text.StringBuilder(s.Length + 8);
        sb.Append(s, 0, first);
        for (var i = first; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\0') sb.Append(Escape).Append('0');
            else if (c == Escape) sb.Append(Escape).Append(Escape);
            else sb.Append(c);
        }
        return sb.ToString();
    }

    public static string Decode(string s)
    {
        var first = s.IndexOf(Escape);
        if (first < 0) return s;
        var sb = new System.Text.StringBuilder(s.Length);
        sb.Append(s, 0, first);
        for (var i = first; i < s.Length; i++)
        {
            var c = s[i];
            if (c == Escape && i + 1 < s.Length && s[i + 1] is '0' or Escape)
            {
                sb.Append(s[i + 1] == '0' ? '\0' : Escape);
                i++;
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
