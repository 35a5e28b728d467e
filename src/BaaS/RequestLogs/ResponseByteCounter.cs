using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace BaaS.RequestLogs;

/// <summary>
/// Counts the bytes of a response body as they are written, whichever way they go (the pipe writer, the stream,
/// <c>SendFileAsync</c>), by standing in for the request's <see cref="IHttpResponseBodyFeature"/>: what a request log
/// row's <c>ResponseBytes</c> holds.
/// </summary>
internal sealed class ResponseByteCounter : IHttpResponseBodyFeature
{
    private readonly IHttpResponseBodyFeature _inner;
    private CountingPipeWriter? _writer;
    private CountingStream? _stream;
    private long _bytes;

    private ResponseByteCounter(IHttpResponseBodyFeature inner) => _inner = inner;

    /// <summary>Bytes of body written so far.</summary>
    public long Bytes => _bytes;

    /// <summary>Puts a counter in front of <paramref name="context"/>'s response body; null when it has none.</summary>
    public static ResponseByteCounter? Attach(HttpContext context)
    {
        if (context.Features.Get<IHttpResponseBodyFeature>() is not { } inner) return null;
        var counter = new ResponseByteCounter(inner);
        context.Features.Set<IHttpResponseBodyFeature>(counter);
        return counter;
    }

    // A response is written by one caller at a time, and read once it completed: no interlocking needed.
    private void Add(long count) => _bytes += count;

    /// <inheritdoc />
    public Stream Stream => _stream ??= new CountingStream(_inner.Stream, this);

    /// <inheritdoc />
    public PipeWriter Writer => _writer ??= new CountingPipeWriter(_inner.Writer, this);

    /// <inheritdoc />
    public void DisableBuffering() => _inner.DisableBuffering();

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) => _inner.StartAsync(cancellationToken);

    /// <inheritdoc />
    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await _inner.SendFileAsync(path, offset, count, cancellationToken).ConfigureAwait(false);
        Add(count ?? Math.Max(0, new FileInfo(path).Length - offset));
    }

    /// <inheritdoc />
    public Task CompleteAsync() => _inner.CompleteAsync();

    private sealed class CountingPipeWriter(PipeWriter inner, ResponseByteCounter counter) : PipeWriter
    {
        public override void Advance(int bytes)
        {
            inner.Advance(bytes);
            counter.Add(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            counter.Add(source.Length);
            return inner.WriteAsync(source, cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }

    private sealed class CountingStream(Stream inner, ResponseByteCounter counter) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => inner.CanWrite;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            counter.Add(count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            counter.Add(buffer.Length);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            counter.Add(count);
            return inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            counter.Add(buffer.Length);
            return inner.WriteAsync(buffer, cancellationToken);
        }
    }
}
