using System.Text;
using BaaS.NativeTypes.Model;

namespace BaaS.NativeTypes.CSharp;

public sealed partial class CSharpGenerator
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary><c>int</c>, <c>DateOnly</c>, <c>List&lt;Item&gt;</c>, <c>Dictionary&lt;string, int?&gt;</c>, <c>QueryResponse&lt;Item&gt;</c>.</summary>
    private static string TypeOf(TypeRef type, ClientType owner, Settings settings, string? property = null) => type.Kind switch
    {
        RefKind.Scalar => type.Name switch
        {
            "Boolean" => "bool", "Char" => "char", "String" => "string", "Byte" => "byte", "SByte" => "sbyte",
            "Int16" => "short", "UInt16" => "ushort", "Int32" => "int", "UInt32" => "uint", "Int64" => "long", "UInt64" => "ulong",
            "Single" => "float", "Double" => "double", "Decimal" => "decimal", "Object" => "object",
            _ => type.Name, // DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, Guid, Uri: System's own names
        },
        RefKind.Bytes => "byte[]",
        RefKind.File => "UploadedFile", // the contract's own type (BaaS.Interfaces)
        RefKind.Nullable => TypeOf(type.Args![0], owner, settings, property) + "?",
        RefKind.List => $"List<{Inner(type.Args![0], owner, settings, property)}>",
        RefKind.Array => Inner(type.Args![0], owner, settings, property) + "[]",
        RefKind.Dictionary => $"Dictionary<{TypeOf(type.Args![0], owner, settings, property)}, {Inner(type.Args![1], owner, settings, property)}>",
        RefKind.Param => type.Name,
        // Contract types keep their .NET name in C#: generic arity is part of a C# name, so QueryDb<T> and QueryDb<A,B> coexist.
        RefKind.Named => (type.Type!.IsContract ? type.Type.BaseName : type.Type.ClientName) +
            (type.Arguments.Count > 0 ? "<" + string.Join(", ", type.Arguments.Select(a => Inner(a, owner, settings, property))) + ">" : ""),
        _ => throw new NativeTypesException($"{owner.FullName}: {type.Name} has no C# form."),
    };

    // Generic arguments are written as declared: List<string>, Dictionary<string, int?>.
    private static string Inner(TypeRef type, ClientType owner, Settings settings, string? property) =>
        TypeOf(type, owner, settings, property);

    /// <summary>A property name, with <c>@</c> before a C# keyword.</summary>
    private static string Member(string name) => Keywords.Contains(name) ? "@" + name : name;

    private static string Params(ClientType type) =>
        type.GenericParams.Count > 0 ? "<" + string.Join(", ", type.GenericParams) + ">" : "";

    private static void Doc(StringBuilder sb, string? text, string indent)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var escaped = System.Security.SecurityElement.Escape(OptionsHeader.DocText(text));
        sb.Append(indent).Append("/// <summary>").Append(escaped).Append("</summary>\n");
    }

    private static string Literal(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A namespace from a service name: <c>My App!</c> becomes <c>MyApp</c>; keywords get an <c>@</c>.</summary>
    private static string Identifier(string text, bool allowDots)
    {
        var parts = text.Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => new string([.. p.Where(c => char.IsLetterOrDigit(c) || c == '_')]))
            .Where(p => p.Length > 0)
            .Select(p => char.IsDigit(p[0]) ? "_" + p : p)
            .Select(p => Keywords.Contains(p) ? "@" + p : p)
            .ToList();
        if (parts.Count == 0) return "Dtos";
        return allowDots ? string.Join(".", parts) : string.Concat(parts);
    }
}
