using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace BaaS.Auth.Tests.Infrastructure;

/// <summary>Reads and forges JWTs for tests.</summary>
public static class Jwt
{
    public static JsonElement Header(string jwt) => Part(jwt, 0);

    public static JsonElement Payload(string jwt) => Part(jwt, 1);

    public static string? Claim(string jwt, string name) =>
        Payload(jwt).TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    private static JsonElement Part(string jwt, int index)
    {
        using var document = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(jwt.Split('.')[index]));
        return document.RootElement.Clone();
    }

    public static string Encode(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));

    public static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}
