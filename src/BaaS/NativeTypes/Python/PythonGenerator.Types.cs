using System.Text;
using BaaS.NativeTypes.Model;

namespace BaaS.NativeTypes.Python;

public sealed partial class PythonGenerator
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type",
    };

    /// <summary><c>int</c>, <c>typing.List[Item]</c>, <c>typing.Dict[str, int]</c>, <c>QueryResponse[Item]</c>, <c>datetime.timedelta</c>.</summary>
    private static string TypeOf(TypeRef type, ClientType owner, string? property = null) => type.Kind switch
    {
        RefKind.Scalar => type.Name switch
        {
            "Boolean" => "bool",
            "Byte" or "SByte" or "Int16" or "UInt16" or "Int32" or "UInt32" or "Int64" or "UInt64" => "int",
            "Single" or "Double" => "float",
            "Decimal" => "decimal.Decimal",
            "DateTime" or "DateTimeOffset" => "datetime.datetime",
            "DateOnly" => "datetime.date",
            "TimeOnly" => "datetime.time",
            "TimeSpan" => "datetime.timedelta",
            "Object" => "typing.Any",
            _ => "str", // String, Char, Guid, Uri
        },
        RefKind.Bytes => "bytes",
        RefKind.File => "typing.Any", // files travel in multipart forms, which the Python client does not send
        RefKind.Nullable => $"typing.Optional[{TypeOf(type.Args![0], owner, property)}]",
        RefKind.List or RefKind.Array => $"typing.List[{TypeOf(type.Args![0], owner, property)}]",
        RefKind.Dictionary => $"typing.Dict[{TypeOf(type.Args![0], owner, property)}, {TypeOf(type.Args![1], owner, property)}]",
        RefKind.Param => type.Name,
        RefKind.Named => type.Type!.ClientName + (type.Arguments.Count > 0 ? "[" + string.Join(", ", type.Arguments.Select(a => TypeOf(a, owner, property))) + "]" : ""),
        _ => throw new NativeTypesException($"{owner.FullName}: {type.Name} has no Python form."),
    };

    /// <summary>A base class: generic arguments as strings, so they need not be declared before it (<c>QueryDb['Item']</c>).</summary>
    private static string BaseOf(TypeRef type, ClientType owner) =>
        type.Type!.ClientName + (type.Arguments.Count > 0
            ? "[" + string.Join(", ", type.Arguments.Select(a => a.Kind == RefKind.Param ? a.Name : Literal(TypeOf(a, owner)))) + "]"
            : "");

    private static bool Mentions(TypeRef type, string parameter) =>
        (type.Kind == RefKind.Param && type.Name == parameter) || type.Arguments.Any(a => Mentions(a, parameter));

    /// <summary>The value a field that is never null starts with, as .NET's default would be.</summary>
    private static string DefaultOf(TypeRef type, ClientType owner, string property)
    {
        switch (type.Kind)
        {
            case RefKind.Scalar:
                return TypeOf(type, owner) switch
                {
                    "bool" => "False",
                    "int" => "0",
                    "float" => "0.0",
                    "decimal.Decimal" => "decimal.Decimal(0)",
                    "datetime.datetime" => "datetime.datetime(1, 1, 1)",
                    "datetime.date" => "datetime.date(1, 1, 1)",
                    "datetime.time" => "datetime.time()",
                    "datetime.timedelta" => "datetime.timedelta()",
                    "str" when type.Name == "Guid" => "'00000000-0000-0000-0000-000000000000'",
                    "str" => "''",
                    _ => "None",
                };
            case RefKind.Bytes: return "b''";
            case RefKind.File: return "None";
            case RefKind.List or RefKind.Array: return "field(default_factory=list)";
            case RefKind.Dictionary: return "field(default_factory=dict)";
            case RefKind.Named when type.Type!.IsEnum:
                var meta = type.Type.Meta;
                var identifiers = meta.EnumMemberNames ?? meta.EnumNames ?? [];
                var zero = meta.EnumValues?.IndexOf("0") ?? -1;
                if (zero >= 0) return type.Type.ClientName + "." + EnumMember(identifiers[zero]);
                if (meta.IsFlags == true) return type.Type.ClientName + "(0)";
                if (identifiers.Count > 0) return type.Type.ClientName + "." + EnumMember(identifiers[0]);
                throw new NativeTypesException($"property {property} of {owner.FullName}: the enum {type.Type.FullName} has no members.");
            case RefKind.Named:
                return $"field(default_factory=lambda: {TypeOf(type, owner)}())";
            default:
                return "None";
        }
    }

    /// <summary>Names a field must not take: the class body would hide the builtin or module the annotations name.</summary>
    private static readonly HashSet<string> Shadowing = new(StringComparer.Ordinal)
    {
        "int", "float", "bool", "str", "bytes", "list", "dict", "object", "datetime", "decimal", "enum", "typing", "dataclass", "field",
    };

    /// <summary>
    /// <c>CuisineContains</c> becomes <c>cuisine_contains</c>, <c>HTMLBody</c> <c>html_body</c>; <c>From</c> becomes <c>from_</c> and
    /// <c>Int</c> <c>int_</c> (keywords, and names the annotations use).
    /// </summary>
    private static string FieldName(string name, IReadOnlySet<string> taken)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && name[i - 1] != '_' &&
                (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        var snake = sb.ToString();
        return Keywords.Contains(snake) || Shadowing.Contains(snake) || taken.Contains(snake) || snake is "self" ? snake + "_" : snake;
    }

    /// <summary>How the client turns a field name back into JSON: <c>cuisine_contains</c> is <c>cuisineContains</c>.</summary>
    private static string CamelOf(string field)
    {
        var parts = field.TrimEnd('_').Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static string EnumMember(string name) => Keywords.Contains(name) || name is "name" or "value" or "mro" ? name + "_" : name;

    private static string DocString(string text) => "\"\"\"" + OptionsHeader.DocText(text).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"\"\"";

    private static string Literal(string text) =>
        "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    private static bool IsIdentifier(string text) =>
        text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_') && !Keywords.Contains(text);
}
