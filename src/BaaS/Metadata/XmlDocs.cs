using System.Collections.Concurrent;
using System.Reflection;
using System.Xml.Linq;

namespace BaaS.Metadata;

/// <summary>
/// The XML doc comments of an assembly (its <c>.xml</c> file beside the <c>.dll</c>, produced by
/// <c>GenerateDocumentationFile</c>), read once per assembly: summaries of types and properties become descriptions
/// in the metadata.
/// </summary>
internal static class XmlDocs
{
    private static readonly ConcurrentDictionary<Assembly, Dictionary<string, string>> Cache = new();

    public static string? Summary(Type type) => Lookup(type.Assembly, "T:" + KeyOf(type));

    public static string? Summary(PropertyInfo property) =>
        Lookup(property.DeclaringType!.Assembly, $"P:{KeyOf(property.DeclaringType!)}.{property.Name}");

    public static string? Summary(FieldInfo field) =>
        Lookup(field.DeclaringType!.Assembly, $"F:{KeyOf(field.DeclaringType!)}.{field.Name}");

    private static string KeyOf(Type type) =>
        (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName!.Replace('+', '.');

    private static string? Lookup(Assembly assembly, string key) =>
        Cache.GetOrAdd(assembly, Load).GetValueOrDefault(key);

    private static Dictionary<string, string> Load(Assembly assembly)
    {
        var docs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location)) return docs;
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path)) return docs;
        try
        {
            var document = XDocument.Load(path);
            foreach (var member in document.Descendants("member"))
            {
                var name = member.Attribute("name")?.Value;
                var summary = member.Element("summary");
                if (name is null || summary is null) continue;
                var text = string.Join(" ", string.Concat(summary.Nodes().Select(TextOf))
                    .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (text.Length > 0) docs[name] = text;
            }
        }
        catch (System.Xml.XmlException)
        {
            // A broken doc file costs descriptions, never startup.
        }
        return docs;
    }

    private static string TextOf(XNode node) => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "see" or "seealso" } see =>
            see.Attribute("cref")?.Value.Split('.', ':').Last() ?? see.Attribute("langword")?.Value ?? see.Value,
        XElement { Name.LocalName: "paramref" or "typeparamref" } reference => reference.Attribute("name")?.Value ?? "",
        XElement element => string.Concat(element.Nodes().Select(TextOf)),
        _ => "",
    };
}
