using System.Text;
using BaaS.Metadata;
using BaaS.NativeTypes.Model;

namespace BaaS.NativeTypes.TypeScript;

/// <summary>
/// <c>/types/typescript</c>: classes for <c>@servicestack/client</c>'s <c>JsonServiceClient</c>. Request DTOs carry
/// <c>getTypeName()</c>, <c>getMethod()</c> and <c>createResponse()</c>, so <c>client.api(new CreateOrder({ ... }))</c>
/// sends them to <c>/api/CreateOrder</c> with the right verb. Output looks like:
/// <code>
/// export class CreateOrder implements IReturn&lt;IdResponse&gt;
/// {
///     public restaurantId: number;
///     public items?: OrderItem[];
///
///     public constructor(init?: Partial&lt;CreateOrder&gt;) { (Object as any).assign(this, init); }
///     public getTypeName() { return 'CreateOrder'; }
///     public getMethod() { return 'POST'; }
///     public createResponse() { return new IdResponse(); }
/// }
/// </code>
/// </summary>
public sealed partial class TypeScriptGenerator : INativeTypesGenerator
{
    private static readonly HashSet<string> Shadowed = new(StringComparer.Ordinal) { "Object", "Partial", "Array" };

    /// <inheritdoc />
    public string Language => "typescript";

    /// <inheritdoc />
    public string FileName => "dtos.ts";

    /// <inheritdoc />
    public IReadOnlyList<NativeTypesOption> LanguageOptions { get; } =
    [
        new("AddDescriptionAsComments", "True", "Write descriptions and doc comments as /** @description */ comments."),
        new("ExportAsTypes", "False", "Write interfaces instead of classes (types only: requests cannot be sent with api())."),
    ];

    /// <inheritdoc />
    public string Generate(AppMetadata metadata, NativeTypesOptions options)
    {
        var model = ClientModel.Build(metadata, options);
        var docs = options.GetBool("AddDescriptionAsComments", true);
        var asTypes = options.GetBool("ExportAsTypes", false);
        var sb = new StringBuilder();
        OptionsHeader.Write(sb, "/*", "*/", metadata, options, LanguageOptions);

        if (!asTypes)
        {
            sb.Append("export interface IReturn<T>\n{\n    createResponse(): T;\n}\n\n");
            sb.Append("export interface IReturnVoid\n{\n    createResponse(): void;\n}\n\n");
        }
        foreach (var type in model.Types)
        {
            if (Shadowed.Contains(type.ClientName))
                throw new NativeTypesException($"{type.FullName} cannot be written in TypeScript: a class named '{type.ClientName}' would hide the global the generated code uses. Rename it.");
            if (docs) Doc(sb, type.Meta.Description, "");
            if (type.IsEnum) WriteEnum(sb, type);
            else if (asTypes || type.Meta.IsInterface == true) WriteInterface(sb, type, docs);
            else WriteClass(sb, type, docs);
            sb.Append('\n');
        }
        return sb.ToString().TrimEnd() + "\n";
    }

    private static void WriteEnum(StringBuilder sb, ClientType type)
    {
        var meta = type.Meta;
        var names = meta.EnumNames ?? [];
        var identifiers = meta.EnumMemberNames ?? names;
        sb.Append("export enum ").Append(type.ClientName).Append("\n{\n");
        for (var i = 0; i < names.Count; i++)
        {
            sb.Append("    ").Append(identifiers[i]).Append(" = ");
            if (meta.IsEnumInt == true) sb.Append(meta.EnumValues![i]);
            else sb.Append('\'').Append(Escape(names[i])).Append('\'');
            sb.Append(i < names.Count - 1 ? ",\n" : "\n");
        }
        sb.Append("}\n");
    }

    private static void WriteInterface(StringBuilder sb, ClientType type, bool docs)
    {
        sb.Append("export interface ").Append(type.ClientName).Append(Params(type));
        if (type.Inherits is not null) sb.Append(" extends ").Append(TypeOf(type.Inherits, type));
        sb.Append("\n{\n");
        WriteProperties(sb, type, docs, isClass: false);
        sb.Append("}\n");
    }

    private static void WriteClass(StringBuilder sb, ClientType type, bool docs)
    {
        foreach (var route in type.Operation?.Routes ?? [])
            sb.Append("// @Route(\"").Append(route.Path).Append('"').Append(route.Verbs is { } v ? $", \"{v}\"" : "").Append(")\n");
        sb.Append("export ").Append(type.Meta.IsAbstract == true ? "abstract " : "").Append("class ").Append(type.ClientName).Append(Params(type));
        if (type.Inherits is not null) sb.Append(" extends ").Append(TypeOf(type.Inherits, type));
        if (type.IsRequest)
            sb.Append(" implements ").Append(type.Response is null ? "IReturnVoid" : $"IReturn<{TypeOf(type.Response, type)}>");
        sb.Append("\n{\n");
        WriteProperties(sb, type, docs, isClass: true);
        if (type.Properties.Count > 0) sb.Append('\n');

        var self = type.ClientName + Params(type);
        sb.Append("    public constructor(init?: Partial<").Append(self).Append(">) { ")
            .Append(type.Inherits is not null ? "super(init); " : "").Append("(Object as any).assign(this, init); }\n");
        if (type.IsRequest)
        {
            sb.Append("    public getTypeName() { return '").Append(type.Meta.Name).Append("'; }\n");
            sb.Append("    public getMethod() { return '").Append(ClientModel.VerbOf(type.Operation!)).Append("'; }\n");
            sb.Append("    public createResponse() ").Append(type.Response is null ? "{}" : $"{{ return {NewResponse(type.Response, type)}; }}").Append('\n');
        }
        sb.Append("}\n");
    }

    private static void WriteProperties(StringBuilder sb, ClientType type, bool docs, bool isClass)
    {
        foreach (var property in type.Properties)
        {
            if (docs) Doc(sb, property.Meta.Description, "    ");
            sb.Append(isClass ? "    public " : "    ")
                .Append(property.WireName).Append(property.IsOptional ? "?: " : ": ").Append(TypeOf(property.Type, type, property.Name)).Append(";\n");
        }
    }
}
