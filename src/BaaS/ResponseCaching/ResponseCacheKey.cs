using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BaaS.Auth;
using BaaS.Text;

namespace BaaS.ResponseCaching;

/// <summary>
/// The cache key of one call: <c>resp:e:{Operation}:{SHA-256}</c> over the versions of the operation's tags, the
/// response format, the caller's part (user, roles) as the policy varies by them, and the request in a canonical form.
/// </summary>
/// <remarks>
/// The canonical request is the bound DTO as JSON with every object's properties sorted by name, then the query-string
/// keys the DTO has no property for (AutoQuery's implicit filters), lowercased and sorted. So <c>?a=1&amp;b=2</c> and
/// <c>?B=2&amp;a=1</c> share an entry, and so do a value sent in the query string and the same value in the route.
/// For example <c>GET /api/QueryRestaurants?take=5&amp;cuisineContains=thai</c> hashes
/// <c>{"cuisineContains":"thai","orderBy":"-Rating,Name",...,"take":5}</c>.
/// </remarks>
internal static class ResponseCacheKey
{
    public static string Of(ResponseCachePolicy policy, OperationContext context, string versions)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("v", versions);
            writer.WriteString("f", context.Format.ToString());
            var user = context.User;
            if (policy.VaryByUser)
            {
                var caller = user.GetApiKeyId() is { } apiKey ? "key:" + apiKey.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : user.GetUserId() is { } userId ? "user:" + userId : "anonymous";
                writer.WriteString("u", caller);
            }
            if (policy.VaryByRoles is { } roles)
            {
                writer.WriteBoolean("a", user.Identity?.IsAuthenticated == true);
                writer.WriteStartArray("r");
                foreach (var role in roles)
                    if (user.HasRole(role)) writer.WriteStringValue(role);
                writer.WriteEndArray();
            }
            if (policy.VaryByQuery && context.Request is { } request)
            {
                writer.WritePropertyName("q");
                using var dto = JsonSerializer.SerializeToDocument(request, request.GetType(), JsonProtocol.Options);
                WriteSorted(writer, dto.RootElement);
                var unmatched = (context.HttpContext.GetRequestInfo()?.UnmatchedQuery ?? new Dictionary<string, string>())
                    .Select(p => (Name: p.Key.ToLowerInvariant(), p.Value))
                    .Where(p => p.Name != "format") // the format is part of the key already, however it was asked for
                    .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
                if (unmatched.Count > 0)
                {
                    writer.WriteStartObject("x");
                    foreach (var (name, value) in unmatched) writer.WriteString(name, value);
                    writer.WriteEndObject();
                }
            }
            writer.WriteEndObject();
        }
        return "resp:e:" + policy.Operation + ":" + Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>The entity tag of an answer: a quoted hash of its content type and body.</summary>
    public static string ETagOf(string contentType, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(contentType));
        hash.AppendData([0]);
        hash.AppendData(body);
        return "\"" + Convert.ToBase64String(hash.GetHashAndReset(), 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
    }

    /// <summary>True when an <c>If-None-Match</c> header names <paramref name="etag"/> (weakly compared, as for GET) or is <c>*</c>.</summary>
    public static bool Matches(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrEmpty(ifNoneMatch)) return false;
        foreach (var part in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
            if (candidate == "*" || string.Equals(candidate, etag, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteSorted(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) WriteSorted(writer, item);
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
