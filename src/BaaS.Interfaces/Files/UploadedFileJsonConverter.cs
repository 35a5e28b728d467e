using System.Text.Json;
using System.Text.Json.Serialization;

namespace BaaS;

/// <summary>
/// The JSON form of an <see cref="UploadedFile"/>. Files travel in multipart parts, never in JSON: reading skips the
/// value and gives null ("no file"); writing (the audit log's copy of a request, a log line) describes the file as
/// <c>{"fileName":"a.png","contentType":"image/png","length":123}</c> without its content.
/// </summary>
public sealed class UploadedFileJsonConverter : JsonConverter<UploadedFile>
{
    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override UploadedFile? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        reader.Skip();
        return null;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, UploadedFile value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("fileName", value.FileName);
        writer.WriteString("contentType", value.DetectedContentType ?? value.ContentType);
        writer.WriteNumber("length", value.Length);
        writer.WriteEndObject();
    }
}
