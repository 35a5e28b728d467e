using System.Text;
using System.Text.Json;

namespace BaaS.Files;

/// <summary>
/// Decides a file's content type from its bytes, fed to it as they stream by (nothing kept but the first bytes):
/// magic numbers for PNG, JPEG, GIF, WebP, PDF, ZIP and gzip; executables (ELF, PE, Mach-O) are recognised so they are
/// always refused; anything else that is valid UTF-8 text without control characters is text (JSON when it parses as
/// JSON, CSV when the sender said CSV, else plain text); the rest is <c>application/octet-stream</c>.
/// </summary>
internal sealed class ContentInspector
{
    private const int HeadSize = 16;
    private readonly byte[] _head = new byte[HeadSize];
    private readonly Decoder _utf8 = new UTF8Encoding(false, true).GetDecoder();
    private int _headLength;
    private bool _isText = true;
    private int _firstNonSpace = -1;

    /// <summary>Looks at the next bytes of the file.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (_headLength < HeadSize)
        {
            var take = Math.Min(HeadSize - _headLength, data.Length);
            data[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
        }
        if (!_isText) return;
        foreach (var b in data)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                _isText = false;
                return;
            }
            if (_firstNonSpace < 0 && b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0xEF or 0xBB or 0xBF)) _firstNonSpace = b;
        }
        try
        {
            _utf8.GetCharCount(data, flush: false);
        }
        catch (DecoderFallbackException)
        {
            _isText = false;
        }
    }

    /// <summary>
    /// The content types the file may be, most specific first (a JSON file is also text); <paramref name="reopen"/> reads
    /// the whole file again when JSON must be checked.
    /// </summary>
    public async Task<IReadOnlyList<DetectedType>> FinishAsync(string? declaredType, string? fileName, Func<CancellationToken, ValueTask<Stream>> reopen,
        CancellationToken cancellationToken)
    {
        var head = _head.AsSpan(0, _headLength);
        if (Magic(head) is { } known) return [known];
        if (_isText)
        {
            try
            {
                _utf8.GetCharCount([], flush: true);
            }
            catch (DecoderFallbackException)
            {
                _isText = false;
            }
        }
        if (!_isText || _headLength == 0) return [DetectedType.Binary];

        var types = new List<DetectedType>(3);
        if (_firstNonSpace is '{' or '[')
        {
            var stream = await reopen(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
                if (await IsJsonAsync(stream, cancellationToken).ConfigureAwait(false)) types.Add(new DetectedType("application/json", "json"));
        }
        if (IsCsv(declaredType, fileName)) types.Add(new DetectedType("text/csv", "csv"));
        types.Add(new DetectedType("text/plain", "txt"));
        return types;
    }

    private static DetectedType? Magic(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return new("image/png", "png");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return new("image/jpeg", "jpg");
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return new("image/gif", "gif");
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return new("image/webp", "webp");
        if (head.StartsWith("%PDF-"u8)) return new("application/pdf", "pdf");
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8)) return new("application/zip", "zip");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return new("application/gzip", "gz");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]) || head.StartsWith("MZ"u8) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF]) ||
            head.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]))
            return DetectedType.Executable;
        return null;
    }

    private static bool IsCsv(string? declaredType, string? fileName) =>
        (declaredType is not null && declaredType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase)) ||
        (fileName is not null && fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the stream through a JSON reader without keeping it: true when it is one valid JSON document.</summary>
    private static async Task<bool> IsJsonAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 });
        var kept = 0;
        var done = false;
        var complete = false;
        try
        {
            while (true)
            {
                var read = done ? 0 : await stream.ReadAsync(buffer.AsMemory(kept), cancellationToken).ConfigureAwait(false);
                done = read == 0;
                var length = kept + read;
                var consumed = Step(buffer.AsSpan(0, length), done, ref state, ref complete);
                if (done) return complete;
                kept = length - consumed;
                buffer.AsSpan(consumed, kept).CopyTo(buffer);
                // One token longer than the buffer (a long string): grow it.
                if (kept == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int Step(ReadOnlySpan<byte> data, bool isFinal, ref JsonReaderState state, ref bool complete)
    {
        var reader = new Utf8JsonReader(data, isFinal, state);
        while (reader.Read())
        {
            if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) complete = true;
        }
        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }
}

/// <summary>A content type found in a file's bytes, and the extension that goes with it.</summary>
/// <param name="ContentType">The type (<c>image/png</c>).</param>
/// <param name="Extension">The extension, without a dot (<c>png</c>).</param>
internal sealed record DetectedType(string ContentType, string Extension)
{
    /// <summary>Bytes of no known type.</summary>
    public static DetectedType Binary { get; } = new("application/octet-stream", "bin");

    /// <summary>A program (ELF, PE, Mach-O): refused whatever the location allows.</summary>
    public static DetectedType Executable { get; } = new("application/x-executable", "exe");
}
