using System.Text;
using BaaS.Metadata;
using BaaS.NativeTypes.Model;

namespace BaaS.NativeTypes.Python;

/// <summary>
/// <c>/types/python</c>: dataclasses for the standard-library client in <c>clients/python</c> (<c>baas_client</c>).
/// Fields are snake_case (with the wire name in the field's metadata where camelCase of it would differ); requests
/// carry their response type and verb through the client's marker classes. Output looks like:
/// <code>
/// @dataclass
/// class CreateOrder(IReturn['IdResponse'], IPost):
///     """Places an order."""
///     restaurant_id: int = 0
///     items: typing.Optional[typing.List[OrderItem]] = None
/// </code>
/// </summary>
public sealed partial class PythonGenerator : INativeTypesGenerator
{
    /// <summary>Types the client module declares itself; the DTOs import them.</summary>
    private static readonly string[] ClientProvided = ["ResponseStatus", "ResponseError"];

    /// <summary>Names the generated module uses for itself.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "datetime", "decimal", "enum", "typing", "dataclass", "field", "annotations",
        "IReturn", "IReturnVoid", "IGet", "IPost", "IPut", "IPatch", "IDelete",
    };

    /// <inheritdoc />
    public string Language => "python";

    /// <inheritdoc />
    public string FileName => "dtos.py";

    /// <inheritdoc />
    public IReadOnlyList<NativeTypesOption> LanguageOptions { get; } =
    [
        new("AddDescriptionAsComments", "True", "Write descriptions as docstrings and # comments."),
        new("ClientModule", "baas_client", "The module the request markers, ResponseStatus and ResponseError are imported from."),
    ];

    /// <inheritdoc />
    public string Generate(AppMetadata metadata, NativeTypesOptions options)
    {
        var model = ClientModel.Build(metadata, options);
        var docs = options.GetBool("AddDescriptionAsComments", true);
        var clientModule = options.Get("ClientModule", "baas_client").Trim();
        if (clientModule.Length == 0 || !clientModule.Split('.').All(IsIdentifier))
            throw new NativeTypesException($"ClientModule '{clientModule}' is not a Python module name.");

        var sb = new StringBuilder();
        OptionsHeader.Write(sb, "\"\"\"", "\"\"\"", metadata, options, LanguageOptions);
        sb.Append("from __future__ import annotations\n\n");
        sb.Append("import datetime\nimport decimal\nimport enum\nimport typing\nfrom dataclasses import dataclass, field\n\n");
        sb.Append("from ").Append(clientModule).Append(" import IReturn, IReturnVoid, IGet, IPost, IPut, IPatch, IDelete, ")
            .Append(string.Join(", ", ClientProvided)).Append("\n\n");

        var typeVars = model.Types.SelectMany(t => t.GenericParams).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var name in typeVars) sb.Append(name).Append(" = typing.TypeVar('").Append(name).Append("')\n");
        if (typeVars.Count > 0) sb.Append('\n');

        // Field names may not hide a class or type variable of the module that an annotation names.
        var taken = model.Types.Select(t => t.ClientName).Concat(typeVars).ToHashSet(StringComparer.Ordinal);
        foreach (var type in model.Types)
        {
            if (type.IsContract && ClientProvided.Contains(type.ClientName)) continue;
            if (Reserved.Contains(type.ClientName) || typeVars.Contains(type.ClientName) || Keywords.Contains(type.ClientName))
                throw new NativeTypesException($"{type.FullName} cannot be written in Python: the name '{type.ClientName}' is used by the generated module itself. Rename it.");
            sb.Append('\n');
            if (type.IsEnum) WriteEnum(sb, type, docs);
            else WriteClass(sb, type, docs, taken);
        }
        return sb.ToString().TrimEnd() + "\n";
    }

    private static void WriteEnum(StringBuilder sb, ClientType type, bool docs)
    {
        var meta = type.Meta;
        var names = meta.EnumNames ?? [];
        var identifiers = meta.EnumMemberNames ?? names;
        var kind = meta.IsEnumInt == true ? (meta.IsFlags == true ? "enum.IntFlag" : "enum.IntEnum") : "str, enum.Enum";
        sb.Append("class ").Append(type.ClientName).Append('(').Append(kind).Append("):\n");
        if (docs && !string.IsNullOrWhiteSpace(meta.Description)) sb.Append("    ").Append(DocString(meta.Description)).Append('\n');
        for (var i = 0; i < names.Count; i++)
        {
            if (docs && meta.EnumDescriptions is { } d && i < d.Count && d[i].Length > 0)
                sb.Append("    # ").Append(OptionsHeader.DocText(d[i])).Append('\n');
            sb.Append("    ").Append(EnumMember(identifiers[i])).Append(" = ")
                .Append(meta.IsEnumInt == true ? meta.EnumValues![i] : Literal(names[i])).Append('\n');
        }
        if (names.Count == 0) sb.Append("    pass\n");
        sb.Append('\n');
    }

    private static void WriteClass(StringBuilder sb, ClientType type, bool docs, IReadOnlySet<string> taken)
    {
        var bases = new List<string>();
        if (type.Inherits is not null) bases.Add(BaseOf(type.Inherits, type));
        if (type.GenericParams.Count > 0 && !type.GenericParams.All(p => (type.Inherits?.Arguments ?? []).Any(a => Mentions(a, p))))
            bases.Add("typing.Generic[" + string.Join(", ", type.GenericParams) + "]");
        if (type.IsRequest)
        {
            bases.Add(type.Response is null ? "IReturnVoid" : $"IReturn[{Literal(TypeOf(type.Response, type))}]");
            bases.Add(ClientModel.VerbOf(type.Operation!) switch
            {
                "GET" => "IGet", "PUT" => "IPut", "PATCH" => "IPatch", "DELETE" => "IDelete", _ => "IPost",
            });
        }
        sb.Append("@dataclass\nclass ").Append(type.ClientName);
        if (bases.Count > 0) sb.Append('(').Append(string.Join(", ", bases)).Append(')');
        sb.Append(":\n");
        var empty = true;
        if (docs && !string.IsNullOrWhiteSpace(type.Meta.Description))
        {
            sb.Append("    ").Append(DocString(type.Meta.Description)).Append('\n');
            empty = false;
        }
        foreach (var property in type.Properties)
        {
            if (docs && !string.IsNullOrWhiteSpace(property.Meta.Description))
                sb.Append("    # ").Append(OptionsHeader.DocText(property.Meta.Description)).Append('\n');
            WriteField(sb, type, property, taken);
            empty = false;
        }
        if (empty) sb.Append("    pass\n");
        sb.Append('\n');
    }

    private static void WriteField(StringBuilder sb, ClientType owner, ClientProperty property, IReadOnlySet<string> taken)
    {
        var name = FieldName(property.Name, taken);
        var annotation = TypeOf(property.Type, owner, property.Name);
        string defaultValue;
        if (property.IsOptional)
        {
            if (property.Type.Kind != RefKind.Nullable) annotation = $"typing.Optional[{annotation}]";
            defaultValue = "None";
        }
        else defaultValue = DefaultOf(property.Type, owner, property.Name);

        var wireName = property.WireName;
        var needsName = CamelOf(name) != wireName;
        sb.Append("    ").Append(name).Append(": ").Append(annotation).Append(" = ");
        if (!needsName && !defaultValue.StartsWith("field(", StringComparison.Ordinal)) sb.Append(defaultValue);
        else
        {
            var args = defaultValue.StartsWith("field(", StringComparison.Ordinal) ? defaultValue[6..^1] : "default=" + defaultValue;
            sb.Append("field(").Append(args);
            if (needsName) sb.Append(", metadata={'json': ").Append(Literal(wireName)).Append('}');
            sb.Append(')');
        }
        sb.Append('\n');
    }
}
