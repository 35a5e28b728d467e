using System.Security.Cryptography;
using System.Text;

namespace BaaS.Data;

/// <summary>How C# names become database names: snake_case, and constraint names that fit PostgreSQL's 63 bytes.</summary>
internal static class Naming
{
    private const int MaxIdentifierBytes = 63;

    /// <summary>The type's name without the generic arity suffix (<c>Page`1</c> becomes <c>Page</c>).</summary>
    public static string TypeName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }

    /// <summary><c>OrderLine</c> -> <c>order_line</c>, <c>HTTPRequest</c> -> <c>http_request</c>, <c>CustomerID</c> -> <c>customer_id</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var prevLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var acronymEnds = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((prevLowerOrDigit || acronymEnds) && sb.Length > 0 && sb[^1] != '_') sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// <c>ix_order_customer_id</c>; when longer than PostgreSQL's limit, cut and suffixed with a short hash so two
    /// long names stay distinct.
    /// </summary>
    public static string ConstraintName(string prefix, string table, IEnumerable<string> columns)
    {
        var name = $"{prefix}_{table}_{string.Join("_", columns)}";
        if (Encoding.UTF8.GetByteCount(name) <= MaxIdentifierBytes) return name;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        var keep = name;
        while (Encoding.UTF8.GetByteCount(keep) > MaxIdentifierBytes - 9) keep = keep[..^1];
        return $"{keep}_{hash}";
    }
}
