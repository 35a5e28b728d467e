using System.Text;
using BaaS.Metadata;
using BaaS.NativeTypes.Model;

namespace BaaS.NativeTypes.CSharp;

/// <summary>
/// <c>/types/csharp</c>: DTO classes that compile against <c>BaaS.Interfaces</c> alone and are sent with
/// <c>BaaS.Client.JsonApiClient</c>. Contract types (<c>QueryResponse&lt;T&gt;</c>, <c>IdResponse</c>,
/// <c>ResponseStatus</c>...) are referenced from <c>BaaS</c>, not declared again. Output looks like:
/// <code>
/// [Route("/orders", "POST")]
/// public partial class CreateOrder : IReturn&lt;IdResponse&gt;, IPost
/// {
///     public int RestaurantId { get; set; }
///     public List&lt;OrderItem&gt;? Items { get; set; }
/// }
/// </code>
/// </summary>
public sealed partial class CSharpGenerator : INativeTypesGenerator
{
    /// <summary>Marker interfaces that the interfaces listed beside them already imply (IGet is an IVerb...).</summary>
    private static readonly HashSet<string> ImpliedInterfaces = new(StringComparer.Ordinal) { "IVerb", "ICrud", "IQuery", "IQueryDb" };

    /// <inheritdoc />
    public string Language => "csharp";

    /// <inheritdoc />
    public string FileName => "dtos.cs";

    /// <inheritdoc />
    public IReadOnlyList<NativeTypesOption> LanguageOptions { get; } =
    [
        new("GlobalNamespace", "", "The namespace of the generated types. Default: the app's ServiceName (as an identifier)."),
        new("MakePartial", "True", "Declare classes partial, so you can add members in another file."),
        new("MakeVirtual", "False", "Declare properties virtual."),
        new("AddNullableAnnotations", "True", "#nullable enable, with reference-type properties marked ?."),
        new("AddDescriptionAsComments", "True", "Write descriptions and doc comments as /// <summary> comments."),
    ];

    /// <inheritdoc />
    public string Generate(AppMetadata metadata, NativeTypesOptions options)
    {
        var model = ClientModel.Build(metadata, options);
        var settings = new Settings(
            Namespace: Identifier(options.Get("GlobalNamespace", "") is { Length: > 0 } ns ? ns : metadata.App.ServiceName, allowDots: true),
            Partial: options.GetBool("MakePartial", true),
            Virtual: options.GetBool("MakeVirtual", false),
            Nullable: options.GetBool("AddNullableAnnotations", true),
            Docs: options.GetBool("AddDescriptionAsComments", true));

        var sb = new StringBuilder();
        OptionsHeader.Write(sb, "/*", "*/", metadata, options, LanguageOptions);
        sb.Append(settings.Nullable ? "#nullable enable\n" : "#nullable disable\n");
        sb.Append("using System;\nusing System.Collections.Generic;\nusing System.Runtime.Serialization;\nusing BaaS;\nusing BaaS.DataAnnotations;\n\n");
        sb.Append("namespace ").Append(settings.Namespace).Append(";\n\n");

        foreach (var type in model.Types)
        {
            if (type.IsContract) continue; // declared in BaaS.Interfaces
            if (settings.Docs) Doc(sb, type.Meta.Description, "");
            if (type.IsEnum) WriteEnum(sb, type);
            else WriteClass(sb, type, settings);
            sb.Append('\n');
        }
        return sb.ToString().TrimEnd() + "\n";
    }

    private sealed record Settings(string Namespace, bool Partial, bool Virtual, bool Nullable, bool Docs);

    private static void WriteEnum(StringBuilder sb, ClientType type)
    {
        var meta = type.Meta;
        var names = meta.EnumNames ?? [];
        var identifiers = meta.EnumMemberNames ?? names;
        if (meta.IsFlags == true) sb.Append("[Flags]\n");
        else if (meta.IsEnumInt == true) sb.Append("[EnumAsInt]\n");
        sb.Append("public enum ").Append(type.ClientName).Append("\n{\n");
        for (var i = 0; i < names.Count; i++)
        {
            var description = meta.EnumDescriptions is { } d && i < d.Count && d[i].Length > 0 ? d[i] : null;
            if (description is not null) Doc(sb, description, "    ");
            sb.Append("    ");
            if (identifiers[i] != names[i]) sb.Append("[EnumMember(Value = ").Append(Literal(names[i])).Append(")] ");
            sb.Append(identifiers[i]).Append(" = ").Append(meta.EnumValues![i]).Append(",\n");
        }
        sb.Append("}\n");
    }

    private static void WriteClass(StringBuilder sb, ClientType type, Settings settings)
    {
        foreach (var route in type.Operation?.Routes ?? [])
            sb.Append("[Route(").Append(Literal(route.Path)).Append(route.Verbs is { } v ? ", " + Literal(v) : "").Append(")]\n");
        var isInterface = type.Meta.IsInterface == true;
        sb.Append("public ")
            .Append(type.Meta.IsAbstract == true ? "abstract " : "")
            .Append(settings.Partial ? "partial " : "")
            .Append(isInterface ? "interface " : "class ").Append(type.ClientName).Append(Params(type));

        var bases = new List<string>();
        if (type.Inherits is not null) bases.Add(TypeOf(type.Inherits, type, settings));
        foreach (var (name, args) in type.Implements.Where(i => ClientModel.IsContractNamespace(i.Name.Namespace) && !ImpliedInterfaces.Contains(i.Name.Name)))
            bases.Add(ClientType.StripArity(name.Name) + (args.Count > 0 ? "<" + string.Join(", ", args.Select(a => TypeOf(a, type, settings))) + ">" : ""));
        if (type.IsRequest && type.Response is null && !bases.Contains("IReturnVoid")) bases.Add("IReturnVoid");
        if (bases.Count > 0) sb.Append(" : ").Append(string.Join(", ", bases.Distinct()));
        sb.Append("\n{\n");

        var first = true;
        foreach (var property in type.Properties)
        {
            if (!first) sb.Append('\n');
            first = false;
            if (settings.Docs) Doc(sb, property.Meta.Description, "    ");
            var propertyType = TypeOf(property.Type, type, settings, property.Name);
            // Reference types (and unconstrained generic parameters) may be absent on the wire: T? is default(T) for them.
            if (settings.Nullable && property.Type.Kind != RefKind.Nullable && !property.Type.IsValueType)
                propertyType += "?";
            sb.Append("    ").Append(isInterface ? "" : "public ").Append(settings.Virtual && !isInterface ? "virtual " : "")
                .Append(propertyType).Append(' ').Append(Member(property.Name)).Append(" { get; set; }\n");
        }
        sb.Append("}\n");
    }
}
