using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace BaaS.RequestLogs;

/// <summary>
/// Writes a request DTO as JSON for the log with its secrets withheld: the value of every property (at any depth, in
/// lists and dictionaries too) whose name looks secret (<see cref="IsSecretName"/>) or that is marked
/// <see cref="SensitiveAttribute"/> becomes <c>"***"</c>. The JSON is cut to the options' <c>MaxBodyLength</c>.
/// </summary>
internal sealed class RequestBodyRedactor(JsonSerializerOptions json, int maxLength)
{
    /// <summary>What a withheld value is written as.</summary>
    public const string Mask = "***";

    private readonly ConcurrentDictionary<Type, Plan> _plans = new();

    /// <summary>The DTO as JSON, secrets withheld, at most the configured length (a cut body ends with <c>…</c>).</summary>
    public string Write(object request)
    {
        var type = request.GetType();
        var node = JsonSerializer.SerializeToNode(request, json.GetTypeInfo(type));
        Redact(node, type);
        var text = node?.ToJsonString(json) ?? "null";
        return text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");
    }

    /// <summary>
    /// True for names that hold secrets by convention, ignoring case: any containing <c>password</c>, <c>passwd</c>,
    /// <c>secret</c>, <c>token</c>, <c>credential</c>, <c>apikey</c>, <c>privatekey</c>, <c>authorization</c> or
    /// <c>cookie</c>; <c>key</c> itself; and names ending in a <c>Key</c> word (<c>accessKey</c>, <c>signing_key</c>).
    /// </summary>
    public static bool IsSecretName(string name)
    {
        foreach (var word in SecretWords)
            if (name.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return name.Equals("key", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Key", StringComparison.Ordinal) ||
               name.EndsWith("_key", StringComparison.OrdinalIgnoreCase) || name.EndsWith("-key", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly string[] SecretWords = ["password", "passwd", "secret", "token", "credential", "apikey", "privatekey", "authorization", "cookie"];

    private void Redact(JsonNode? node, Type? type)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var plan = type is null ? null : PlanOf(type);
                // Copied first: the object is changed while walked.
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is null) continue;
                    if (IsSecretName(name) || plan?.Sensitive.Contains(name) == true)
                    {
                        obj[name] = Mask;
                        continue;
                    }
                    Redact(value, plan is null ? null : plan.IsDictionary ? plan.ElementType : plan.Members.GetValueOrDefault(name));
                }
                break;
            }
            case JsonArray array:
            {
                var element = type is null ? null : PlanOf(type).ElementType;
                foreach (var item in array) Redact(item, element);
                break;
            }
        }
    }

    private Plan PlanOf(Type type) => _plans.GetOrAdd(type, t => Plan.Of(json.GetTypeInfo(t)));

    /// <summary>What the walk needs of a type: its sensitive members' JSON names and the types of its members or elements.</summary>
    private sealed record Plan(HashSet<string> Sensitive, Dictionary<string, Type> Members, Type? ElementType, bool IsDictionary)
    {
        public static Plan Of(JsonTypeInfo info)
        {
            var sensitive = new HashSet<string>(StringComparer.Ordinal);
            var members = new Dictionary<string, Type>(StringComparer.Ordinal);
            if (info.Kind == JsonTypeInfoKind.Object)
            {
                foreach (var property in info.Properties)
                {
                    members[property.Name] = property.PropertyType;
                    if (property.AttributeProvider?.IsDefined(typeof(SensitiveAttribute), inherit: true) == true) sensitive.Add(property.Name);
                }
            }
            return new Plan(sensitive, members, info.ElementType, info.Kind == JsonTypeInfoKind.Dictionary);
        }
    }
}
