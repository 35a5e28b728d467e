using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace BaaS.Files.S3;

/// <summary>
/// Files in an S3-compatible bucket: an object per file, its content type and length S3's own, the uploader and the
/// cleaned original name in the object's user metadata (<c>x-amz-meta-owner</c>, <c>x-amz-meta-name</c>, URL-encoded).
/// Objects are sent with their length (no chunked signing) and read by byte range.
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    /// <summary>The store's name: <c>s3</c>.</summary>
    public const string StoreName = "s3";

    private const string OwnerKey = "owner";
    private const string NameKey = "name";
    private readonly IAmazonS3 _client;
    private readonly string _bucket;
    private readonly string _prefix;

    /// <summary>A store over the bucket the options name.</summary>
    public S3FileStore(S3FileStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _bucket = options.Bucket ?? throw new ArgumentException("Files:S3:Bucket is required.", nameof(options));
        _prefix = options.Prefix ?? "";
        var config = new AmazonS3Config
        {
            AuthenticationRegion = options.Region,
            ForcePathStyle = options.ForcePathStyle ?? options.ServiceUrl is not null,
            // S3-compatible servers do not all know the newer checksums: send and check them only when an API needs them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl is { Length: > 0 } url) config.ServiceURL = url;
        else config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        _client = options.AccessKey is { Length: > 0 } access && options.SecretKey is { Length: > 0 } secret
            ? new AmazonS3Client(new BasicAWSCredentials(access, secret), config)
            : new AmazonS3Client(config);
    }

    /// <inheritdoc />
    public string Name => StoreName;

    /// <inheritdoc />
    public string Kind => "s3";

    /// <inheritdoc />
    public async Task<StoredObjectInfo> PutAsync(string key, Stream content, long length, StoredObjectInfo info, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = _prefix + FileKeys.Checked(key),
            InputStream = content,
            AutoCloseStream = false,
            ContentType = info.ContentType,
            UseChunkEncoding = false,
        };
        request.Headers.ContentLength = length;
        if (info.OwnerId is { } owner) request.Metadata.Add(OwnerKey, Uri.EscapeDataString(owner));
        if (info.OriginalName is { } name) request.Metadata.Add(NameKey, Uri.EscapeDataString(name));
        var response = await _client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
        return info with { Length = length, ETag = response.ETag, LastModified = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()) };
    }

    /// <inheritdoc />
    public async Task<StoredObject?> OpenAsync(string key, long offset, long? length, CancellationToken cancellationToken)
    {
        var info = await GetInfoAsync(key, cancellationToken).ConfigureAwait(false);
        if (info is null) return null;
        var count = length ?? info.Length - offset;
        if (count <= 0) return new StoredObject(info, Stream.Null);
        var request = new GetObjectRequest { BucketName = _bucket, Key = _prefix + FileKeys.Checked(key) };
        if (offset > 0 || count < info.Length) request.ByteRange = new ByteRange(offset, offset + count - 1);
        try
        {
            var response = await _client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
            return new StoredObject(info, new OwnedResponseStream(response));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<StoredObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var head = await _client.GetObjectMetadataAsync(_bucket, _prefix + FileKeys.Checked(key), cancellationToken).ConfigureAwait(false);
            var lastModified = head.LastModified is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc).ToUniversalTime()) : DateTimeOffset.UnixEpoch;
            return new StoredObjectInfo(head.Headers.ContentType ?? "application/octet-stream", head.ContentLength, head.ETag,
                DateTimeOffset.FromUnixTimeSeconds(lastModified.ToUnixTimeSeconds()), Meta(head.Metadata, OwnerKey), Meta(head.Metadata, NameKey));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        _client.DeleteObjectAsync(_bucket, _prefix + FileKeys.Checked(key), cancellationToken);

    private static string? Meta(MetadataCollection metadata, string name)
    {
        var value = metadata["x-amz-meta-" + name] ?? metadata[name];
        return string.IsNullOrEmpty(value) ? null : Uri.UnescapeDataString(value);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    /// <summary>The body of a GetObject answer, which disposes the answer with it.</summary>
    private sealed class OwnedResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.ContentLength;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) response.Dispose();
            base.Dispose(disposing);
        }
    }

    internal static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
