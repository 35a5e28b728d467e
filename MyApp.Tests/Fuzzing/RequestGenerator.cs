using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace MyApp.Tests.Fuzzing;

/// <summary>One generated request: who sends it, where, and what.</summary>
public sealed record FuzzRequest(string Role, string Method, string Url, byte[]? Body)
{
    public override string ToString()
    {
        var body = Body is null ? "" : " " + Encoding.UTF8.GetString(Body);
        return $"[{Role}] {Method.ToUpperInvariant()} {Url}{(body.Length > 400 ? body[..400] + "..." : body)}";
    }
}

/// <summary>
/// Generates requests for an <see cref="ApiCall"/> from its schemas with CsCheck: mostly well-formed values of the
/// documented types (ids that exist, words, edge numbers), and, at every value, a chance of something hostile: a wrong
/// type, invalid UTF-8, a lone surrogate, an out-of-range or 5,000-digit number, a 3,000-character string, a list of
/// 5,000 items; and, for whole bodies, malformed JSON. The roles the call documents are picked more often than others.
/// </summary>
public sealed class RequestGenerator(ApiDescription api, IReadOnlyList<string> roles)
{
    /// <summary>Stands for two bytes that are not UTF-8 (0xC3 0x28) in generated text, replaced when encoding.</summary>
    private const char InvalidUtf8 = '\uE000';

    private static readonly string[] Words =
        ["thai", "Pizza", "a", "", " ", "ünïcødé", "🍕", "%", "_", "a'b\"c", "<script>x</script>", "../../etc/passwd",
         "1; DROP TABLE order", "customer@example.com", "Id", "-1", "null"];

    private static readonly Gen<string> HostileValue = Gen.OneOf(
        "\"" + InvalidUtf8 + "\"", "\"\\ud800\"", "\"a\\udc00b\"", "\"a\\u0000b\"", "{}", "[]", "\"text\"", "true", "1e400", "-0.0",
        "99999999999999999999", new string('9', 5000), "\"" + new string('x', 3000) + "\"", "null");

    private static readonly Gen<string> HostileBody = Gen.OneOf("", "{", "[1,2]", "null", "\"text\"", "{\"a\":}", "{\"" + InvalidUtf8 + "\":1}", "{}}");

    private static readonly Gen<string> HostileQuery = Gen.OneOf("%C3%28", "%ED%A0%80", "a%00b", "abc", "-1", "99999999999999999999", "1e400",
        new string('z', 3000), "%00", "'", "1,2,abc");

    /// <summary>Hostile path segments; not NUL, which Kestrel itself refuses (an empty 400) before any app code runs.</summary>
    private static readonly Gen<string> HostilePath = Gen.OneOf("%C3%28", "%ED%A0%80", "abc", "-1", "99999999999999999999", "1e400",
        new string('z', 3000), "'", "1,2,abc", "%2F", "..");

    /// <summary>Half of the requests are well-formed throughout (so that many succeed and their answers get checked);
    /// the others have a chance of something hostile at every value.</summary>
    public Gen<FuzzRequest> For(ApiCall call) => Gen.Frequency((1, For(call, hostile: false)), (1, For(call, hostile: true)));

    private Gen<FuzzRequest> For(ApiCall call, bool hostile)
    {
        var role = call.Roles.Count == 0
            ? Gen.OneOf(roles.ToArray())
            : Gen.Frequency((3, Gen.OneOf(call.Roles.Where(roles.Contains).DefaultIfEmpty(roles[0]).ToArray())), (1, Gen.OneOf(roles.ToArray())));
        var url = Url(call, hostile);
        var body = call.Body is null || call.Method is "get" or "delete"
            ? Gen.Const((string?)null)
            : hostile ? Gen.Frequency((9, Value(call.Body, 0, hostile).Select(v => (string?)v)), (1, HostileBody.Select(v => (string?)v)))
            : Value(call.Body, 0, hostile).Select(v => (string?)v);
        return Gen.Select(role, url, body, (r, u, b) => new FuzzRequest(r, call.Method, u, b is null ? null : Encode(b)));
    }

    private Gen<string> Url(ApiCall call, bool hostile)
    {
        var parts = call.Parameters.Select(p => QueryValue(p.Schema, p.InPath, hostile).Select(v => (p, v))
            .Nullable(p.InPath || p.Required ? 0.0 : hostile ? 0.5 : 0.8)).ToList();
        Gen<List<(ApiParameter, string)?>> all = Gen.Const(new List<(ApiParameter, string)?>());
        foreach (var part in parts)
            all = all.SelectMany<List<(ApiParameter, string)?>, List<(ApiParameter, string)?>>(list => part.Select(item => new List<(ApiParameter, string)?>(list) { item }));
        return all.Select(values =>
        {
            var path = call.Path;
            var query = new List<string>();
            foreach (var item in values)
            {
                if (item is not var (parameter, value)) continue;
                if (parameter.InPath) path = path.Replace("{" + parameter.Name + "}", value.Length == 0 ? "0" : value);
                else query.Add(parameter.Name + "=" + value);
            }
            return query.Count == 0 ? path : path + "?" + string.Join("&", query);
        });
    }

    /// <summary>A query or path value, already percent-encoded.</summary>
    private Gen<string> QueryValue(JsonObject schema, bool inPath, bool hostile)
    {
        schema = api.Resolve(schema);
        var type = ApiDescription.TypesOf(schema).FirstOrDefault(t => t != "null");
        Gen<string> valid = type switch
        {
            "integer" => Gen.Frequency((6, Gen.Int[1, 12].Select(i => i.ToString())), (1, Gen.OneOf("0", "-3", "2147483647"))),
            "number" => Gen.OneOf("1", "4.5", "0", "-2.25", "1e10"),
            "boolean" => Gen.OneOf("true", "false"),
            "array" => QueryValue(schema["items"]?.AsObject() ?? new JsonObject(), inPath, hostile).Array[0, 4].Select(v => string.Join(",", v)),
            "object" => Gen.Const(""),
            _ when schema["enum"] is JsonArray members => Gen.OneOf(members.Select(m => m!.ToString()).ToArray()),
            _ when schema["format"]?.GetValue<string>() == "date-time" => Gen.OneOf("2026-01-02T03:04:05Z", "2026-06-30"),
            _ when schema["format"]?.GetValue<string>() == "uuid" => Gen.Guid.Select(g => g.ToString()),
            _ => Gen.OneOf(Words).Select(Uri.EscapeDataString),
        };
        return hostile ? Gen.Frequency((6, valid), (1, inPath ? HostilePath : HostileQuery)) : valid;
    }

    /// <summary>A JSON value for a schema, as text (invalid UTF-8 as <see cref="InvalidUtf8"/>).</summary>
    private Gen<string> Value(JsonObject schema, int depth, bool hostile)
    {
        schema = api.Resolve(schema);
        var types = ApiDescription.TypesOf(schema);
        var type = types.FirstOrDefault(t => t != "null");
        Gen<string> valid = type switch
        {
            "integer" => Gen.Frequency((6, Gen.Int[1, 12].Select(i => i.ToString())), (1, Gen.OneOf("0", "-3", "2147483647", "-2147483648"))),
            "number" => Gen.OneOf("1", "4.5", "0", "-2.25", "12.99", "1e10"),
            "boolean" => Gen.OneOf("true", "false"),
            "string" when schema["enum"] is JsonArray members => Gen.OneOf(members.Select(m => JsonSerializer.Serialize(m!.ToString()))
                .Concat(hostile ? ["\"NoSuchMember\""] : []).ToArray()),
            "string" when schema["format"]?.GetValue<string>() == "date-time" =>
                Gen.OneOf(new[] { "\"2026-01-02T03:04:05Z\"", "\"2031-06-30T00:00:00\"" }.Concat(hostile ? ["\"not a date\""] : []).ToArray()),
            "string" when schema["format"]?.GetValue<string>() == "uuid" => Gen.Guid.Select(g => $"\"{g}\""),
            "string" => Gen.OneOf(Words).Select(w => JsonSerializer.Serialize(w)),
            "array" when depth < 4 => Array(Value(schema["items"]?.AsObject() ?? new JsonObject(), depth + 1, hostile), hostile),
            "object" when depth < 4 && schema["properties"] is JsonObject properties => Object(properties, depth, hostile),
            "object" when depth < 4 && schema["additionalProperties"] is JsonObject values =>
                Value(values, depth + 1, hostile).Select(v => "{\"key\":" + v + "}"),
            _ => Gen.OneOf("null", "{}", "\"x\""),
        };
        if (types.Contains("null")) valid = Gen.Frequency((8, valid), (1, Gen.Const("null")));
        return hostile ? Gen.Frequency((12, valid), (1, HostileValue)) : valid;
    }

    /// <summary>A list of 0 to 3 items; when hostile, sometimes 5,000 of them.</summary>
    private static Gen<string> Array(Gen<string> item, bool hostile)
    {
        var few = item.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]");
        return hostile ? Gen.Frequency((12, few), (1, item.Select(one => "[" + string.Join(",", Enumerable.Repeat(one, 5000)) + "]"))) : few;
    }

    private Gen<string> Object(JsonObject properties, int depth, bool hostile)
    {
        Gen<List<string>> members = Gen.Const(new List<string>());
        foreach (var (name, schema) in properties)
        {
            if (name == "responseStatus") continue;
            var member = Value(schema!.AsObject(), depth + 1, hostile).Select(v => JsonSerializer.Serialize(name) + ":" + v).Null(0.3);
            members = members.SelectMany<List<string>, List<string>>(list => member.Select(m => m is null ? list : new List<string>(list) { m }));
        }
        var extra = hostile ? Gen.Frequency((12, Gen.Const((string?)null)), (1, Gen.Const((string?)"\"noSuchProperty\":1"))) : Gen.Const((string?)null);
        return Gen.Select(members, extra, (list, e) => "{" + string.Join(",", e is null ? list : list.Append(e)) + "}");
    }

    /// <summary>UTF-8, with each <see cref="InvalidUtf8"/> as the two bytes 0xC3 0x28 (a lead byte without its continuation).</summary>
    private static byte[] Encode(string text)
    {
        var bytes = new List<byte>(text.Length);
        foreach (var piece in text.Split(InvalidUtf8))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(piece));
            bytes.Add(0xC3);
            bytes.Add(0x28);
        }
        bytes.RemoveRange(bytes.Count - 2, 2);
        return [.. bytes];
    }
}
