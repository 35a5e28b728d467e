using Microsoft.Extensions.Configuration;

namespace BaaS;

/// <summary>
/// Reads a <c>.env</c> file: <c>NAME=value</c> lines (an optional <c>export</c> in front), <c>#</c> comments, values in
/// double quotes (with <c>\n</c>, <c>\"</c>, <c>\\</c>) or single quotes (as written), and unquoted values ending
/// at a <c> #</c>. Names use environment-variable form: <c>Auth__Jwt__Secret</c> is <c>Auth:Jwt:Secret</c>.
/// </summary>
public sealed class DotEnvConfigurationProvider(DotEnvConfigurationSource source) : ConfigurationProvider
{
    /// <inheritdoc />
    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(source.Path))
        {
            if (!source.Optional) throw new FileNotFoundException($"The .env file '{source.Path}' does not exist.", source.Path);
            Data = data;
            return;
        }
        var number = 0;
        foreach (var raw in File.ReadAllLines(source.Path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line["export ".Length..].TrimStart();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new FormatException($"{source.Path}:{number}: expected NAME=value.");
            var name = line[..equals].Trim();
            // Environment names are letters, digits, '_' (and '.', ':' that configuration keys use); anything else,
            // a space above all, is a typo that would silently set a key nobody reads.
            if (!IsName(name))
                throw new FormatException($"{source.Path}:{number}: '{name}' is not a variable name: use letters, digits and '_' only (A_B__C).");
            data[name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = Value(line[(equals + 1)..].Trim(), source.Path, number);
        }
        Data = data;
    }

    private static bool IsName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':');

    private static string Value(string text, string path, int number)
    {
        if (text.Length == 0) return "";
        if (text[0] == '\'')
        {
            var end = text.IndexOf('\'', 1);
            if (end < 0) throw new FormatException($"{path}:{number}: the single-quoted value is not closed.");
            return text[1..end];
        }
        if (text[0] == '"')
        {
            var value = new System.Text.StringBuilder();
            for (var i = 1; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '"') return value.ToString();
                if (c == '\\' && i + 1 < text.Length)
                {
                    var next = text[++i];
                    value.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => next });
                    continue;
                }
                value.Append(c);
            }
            throw new FormatException($"{path}:{number}: the double-quoted value is not closed.");
        }
        var comment = text.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? text[..comment] : text).Trim();
    }
}
