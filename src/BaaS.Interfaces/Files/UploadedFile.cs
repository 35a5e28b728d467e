using System.Text.Json.Serialization;

namespace BaaS;

/// <summary>
/// A file sent with a request: the type of a request DTO property (<c>UploadedFile? Photo</c>, or a list of them) that
/// is bound from a <c>multipart/form-data</c> part carrying a file name. The server streams the part to a temporary
/// file while it reads the request (never whole in memory) and hands the service this handle; the same type builds an
/// upload in client code (<see cref="FromStream"/>, <see cref="FromBytes"/>, <see cref="FromPath"/>). In a JSON request
/// a file property is "no file": whatever the JSON says for it is ignored.
/// </summary>
[JsonConverter(typeof(UploadedFileJsonConverter))]
public sealed class UploadedFile
{
    private readonly Func<CancellationToken, ValueTask<Stream>> _open;

    /// <summary>A file whose content <paramref name="open"/> reads (a new stream per call, positioned at the start).</summary>
    /// <param name="fileName">The name the sender gave the file (kept as metadata only; it never becomes a path).</param>
    /// <param name="contentType">The content type the sender declared, or null.</param>
    /// <param name="length">The length in bytes.</param>
    /// <param name="open">Opens the content.</param>
    public UploadedFile(string fileName, string? contentType, long length, Func<CancellationToken, ValueTask<Stream>> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        FileName = fileName ?? "";
        ContentType = contentType;
        Length = length;
        _open = open;
    }

    /// <summary>The name the sender gave the file, as sent (metadata only: the server never uses it in a path).</summary>
    public string FileName { get; }

    /// <summary>The content type the sender declared, or null. The server decides the type from the bytes instead.</summary>
    public string? ContentType { get; }

    /// <summary>The length in bytes.</summary>
    public long Length { get; }

    /// <summary>
    /// The content type the server found in the bytes (<c>image/png</c>), set when the server received the file; null
    /// on a file built in client code.
    /// </summary>
    public string? DetectedContentType { get; init; }

    /// <summary>The file extension that goes with <see cref="DetectedContentType"/> (<c>png</c>), without a dot; null when not detected.</summary>
    public string? Extension { get; init; }

    /// <summary>Opens the content for reading, from the start. Each call opens a new stream; dispose it.</summary>
    public ValueTask<Stream> OpenReadAsync(CancellationToken cancellationToken = default) => _open(cancellationToken);

    /// <summary>
    /// A file read from <paramref name="stream"/>, which must be seekable or read only once: the content is read from its
    /// current position when the upload is sent, and the stream is not disposed.
    /// </summary>
    public static UploadedFile FromStream(string fileName, Stream stream, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.CanSeek ? stream.Position : 0;
        var length = stream.CanSeek ? stream.Length - start : 0;
        return new UploadedFile(fileName, contentType, length, _ =>
        {
            if (stream.CanSeek) stream.Position = start;
            return ValueTask.FromResult<Stream>(new NonClosingStream(stream));
        });
    }

    /// <summary>A file whose content is <paramref name="content"/>.</summary>
    public static UploadedFile FromBytes(string fileName, byte[] content, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new UploadedFile(fileName, contentType, content.Length, _ => ValueTask.FromResult<Stream>(new MemoryStream(content, writable: false)));
    }

    /// <summary>A file on disk, sent under its own name unless <paramref name="fileName"/> says otherwise.</summary>
    public static UploadedFile FromPath(string path, string? contentType = null, string? fileName = null)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"There is no file at {path}.", path);
        return new UploadedFile(fileName ?? info.Name, contentType, info.Length, _ => ValueTask.FromResult<Stream>(
            new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan)));
    }

    /// <inheritdoc />
    public override string ToString() => $"{FileName} ({Length:N0} bytes, {DetectedContentType ?? ContentType ?? "unknown type"})";

    /// <summary>Passes reads through to a stream the caller owns, leaving it open when disposed.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
