using System.Text;
using BaaS.NativeTypes.Model;

namespace BaaS.NativeTypes.TypeScript;

public sealed partial class TypeScriptGenerator
{
    /// <summary>
    /// <c>number</c>, <c>string</c> (dates, times, durations, Guids and byte[] travel as text), <c>Item[]</c>,
    /// <c>{ [index: string]: number; }</c>, <c>QueryResponse&lt;Item&gt;</c>.
    /// </summary>
    private static string TypeOf(TypeRef type, ClientType owner, string? property = null) => type.Kind switch
    {
        RefKind.Scalar => type.Name switch
        {
            "Boolean" => "boolean",
            "Object" => "any",
            "Byte" or "SByte" or "Int16" or "UInt16" or "Int32" or "UInt32" or "Int64" or "UInt64" or "Single" or "Double" or "Decimal" => "number",
            _ => "string",
        },
        RefKind.Bytes => "string",
        // Sent in a FormData beside the DTO (client.apiForm), never in its JSON.
        RefKind.File => "Blob",
        RefKind.Nullable => TypeOf(type.Args![0], owner, property),
        RefKind.List or RefKind.Array => ElementOf(type.Args![0], owner, property) + "[]",
        RefKind.Dictionary => $"{{ [index: {KeyOf(type.Args![0], owner, property)}]: {TypeOf(type.Args![1], owner, property)}; }}",
        RefKind.Param => type.Name,
        RefKind.Named => type.Type!.ClientName + (type.Arguments.Count > 0 ? "<" + string.Join(",", type.Arguments.Select(a => TypeOf(a, owner, property))) + ">" : ""),
        _ => throw new NativeTypesException($"{owner.FullName}: {type.Name} has no TypeScript form."),
    };

    private static string ElementOf(TypeRef element, ClientType owner, string? property)
    {
        var text = TypeOf(element, owner, property);
        return text.Contains(' ', StringComparison.Ordinal) ? $"({text})" : text;
    }

    private static string KeyOf(TypeRef key, ClientType owner, string? property)
    {
        var text = TypeOf(key.Unwrapped, owner, property);
        if (key.Unwrapped.Kind == RefKind.Named && key.Unwrapped.Type!.IsEnum) return "string";
        if (text is "string" or "number") return text;
        throw new NativeTypesException(
            $"property {property} of {owner.FullName}: a dictionary key of type {key.Name} has no TypeScript form; use string, a number or an enum key.");
    }

    /// <summary>What <c>createResponse()</c> returns: <c>new IdResponse()</c>, <c>new Array&lt;Item&gt;()</c>, <c>''</c>.</summary>
    private static string NewResponse(TypeRef response, ClientType owner)
    {
        var type = response.Unwrapped;
        switch (type.Kind)
        {
            case RefKind.Named when type.Type!.IsEnum || type.Type.Meta.IsInterface == true || type.Type.Meta.IsAbstract == true:
                throw new NativeTypesException($"{owner.FullName} returns {type.Type.FullName}, which is an enum, interface or abstract class: a response must be a class clients can create.");
            case RefKind.Named: return "new " + TypeOf(type, owner) + "()";
            case RefKind.List or RefKind.Array: return $"new Array<{TypeOf(type.Args![0], owner)}>()";
            case RefKind.Dictionary: return "{}";
            case RefKind.Bytes: return "''";
            case RefKind.Scalar:
                return TypeOf(type, owner) switch { "number" => "0", "boolean" => "false", "any" => "{}", _ => "''" };
            default: throw new NativeTypesException($"{owner.FullName}: its response has no TypeScript form.");
        }
    }

    private static string Params(ClientType type) =>
        type.GenericParams.Count > 0 ? "<" + string.Join(",", type.GenericParams) + ">" : "";

    private static void Doc(StringBuilder sb, string? text, string indent)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        sb.Append(indent).Append("/** @description ").Append(OptionsHeader.DocText(text)).Append(" */\n");
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
}
