using System.Text;

namespace BaaS.Files;

/// <summary>
/// The rules of file keys and names: a key is <c>/</c>-separated segments of letters, digits, <c>.</c>, <c>-</c> and
/// <c>_</c> (at most 100 characters each), none of them <c>.</c> or <c>..</c>, none starting with a dot; a client's file
/// name is kept only as metadata, cleaned of paths and control characters.
/// </summary>
public static class FileKeys
{
    /// <summary>True when <paramref name="segment"/> may be one segment of a key.</summary>
    public static bool IsSafeSegment(ReadOnlySpan<char> segment)
    {
        if (segment.Length is 0 or > 100 || segment[0] == '.') return false;
        foreach (var c in segment)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) return false;
        return true;
    }

    /// <summary>True when every segment of <paramref name="key"/> is safe (see <see cref="IsSafeSegment"/>).</summary>
    public static bool IsSafeKey(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 1024) return false;
        foreach (var range in key.AsSpan().Split('/'))
            if (!IsSafeSegment(key.AsSpan()[range])) return false;
        return true;
    }

    /// <summary><paramref name="key"/> when it is safe; throws otherwise (a store's last line of defence).</summary>
    /// <exception cref="ArgumentException">The key is not safe.</exception>
    public static string Checked(string key) =>
        IsSafeKey(key) ? key : throw new ArgumentException($"'{Text.WireFormat.Clip(key)}' is not a safe file key.", nameof(key));

    /// <summary>
    /// A client's file name made safe to keep and show: the last segment of any path (<c>../../etc/passwd</c> becomes
    /// <c>passwd</c>), without control characters, at most 200 characters; null when nothing is left.
    /// </summary>
    public static string? CleanName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName)) return null;
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(Math.Min(name.Length, 200));
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value is '"' or '<' or '>' or '|' or ':' or '*' or '?') continue;
            if (clean.Length + rune.Utf16SequenceLength > 200) break;
            clean.Append(rune.ToString());
        }
        var result = clean.ToString().Trim().TrimStart('.');
        return result.Length == 0 ? null : result;
    }
}
