using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace BaaS.Testing;

/// <summary>
/// A raw <c>text/event-stream</c> client for protocol tests: it sends the request itself and reads the stream frame by
/// frame (<c>id:</c> and <c>data:</c> lines up to a blank line), so a test sees exactly what the server wrote. Reads wait
/// at most <see cref="Timeout"/> (a guard against a hang, never a timing assertion).
/// </summary>
public sealed class EventStreamReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly CancellationTokenSource _cancel = new();

    private EventStreamReader(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>How long a read waits for the next frame before failing the test. Default 20 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The answer's status and headers.</summary>
    public HttpResponseMessage Response => _response;

    /// <summary>
    /// Opens <paramref name="url"/> (e.g. <c>/event-stream?channels=a</c>) with <paramref name="http"/>, sending
    /// <paramref name="lastEventId"/> as <c>Last-Event-ID</c> when given. Answers the reader even when the status is not
    /// 200, so a test can read the refusal's body (<see cref="ReadBodyAsync"/>).
    /// </summary>
    public static async Task<EventStreamReader> OpenAsync(HttpClient http, string url, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null) request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        return new EventStreamReader(response, new StreamReader(stream, Encoding.UTF8));
    }

    /// <summary>The whole body of an answer that is not a stream (a refusal's JSON).</summary>
    public Task<string> ReadBodyAsync() => _reader.ReadToEndAsync();

    /// <summary>The next frame; fails the test when none comes within <see cref="Timeout"/> or the stream ends.</summary>
    public async Task<EventFrame> ReadAsync()
    {
        var frame = await TryReadAsync();
        return frame ?? throw new Xunit.Sdk.XunitException("The event stream ended before the next message.");
    }

    /// <summary>The next frame, or null when the stream ended; fails the test when nothing comes within <see cref="Timeout"/>.</summary>
    public async Task<EventFrame?> TryReadAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token);
        timeout.CancelAfter(Timeout);
        string? id = null;
        var data = new StringBuilder();
        try
        {
            while (await _reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Length == 0 && id is null) continue;
                    return new EventFrame(id, data.ToString());
                }
                if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Append(data.Length > 0 ? "\n" : "").Append(line[6..]);
            }
            return null;
        }
        catch (OperationCanceledException) when (!_cancel.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"No event-stream message within {Timeout.TotalSeconds} s.");
        }
        catch (IOException)
        {
            return null; // the server cut the connection
        }
    }

    /// <summary>Reads frames until one whose selector is <paramref name="selector"/> (skipping others), and answers it.</summary>
    public async Task<EventFrame> ReadUntilAsync(string selector)
    {
        while (true)
        {
            var frame = await ReadAsync();
            if (frame.Selector == selector) return frame;
        }
    }

    /// <summary>Reads until the stream ends (the server closed it); fails when it stays open past <see cref="Timeout"/>.</summary>
    public async Task<List<EventFrame>> ReadToEndAsync()
    {
        var frames = new List<EventFrame>();
        while (await TryReadAsync() is { } frame) frames.Add(frame);
        return frames;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _cancel.Cancel();
        _reader.Dispose();
        _response.Dispose();
        _cancel.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// One message: <c>id: 7</c> and <c>data: order-5@cmd.OrderStatusChanged {"id":5}</c> are <see cref="Id"/> 7,
    /// <see cref="Channel"/> <c>order-5</c>, <see cref="Selector"/> <c>cmd.OrderStatusChanged</c> and <see cref="Json"/>.
    /// </summary>
    public sealed record EventFrame(string? Id, string Data)
    {
        private string Head => Data.Split(' ', 2)[0];

        /// <summary>The channel before <c>@</c>, or null.</summary>
        public string? Channel => Head.Contains('@', StringComparison.Ordinal) ? Head.Split('@', 2)[0] : null;

        /// <summary>The selector (after the channel's <c>@</c>).</summary>
        public string Selector => Head.Contains('@', StringComparison.Ordinal) ? Head.Split('@', 2)[1] : Head;

        /// <summary>The JSON after the selector, or null.</summary>
        public string? Json => Data.Split(' ', 2) is [_, var json] && json.Length > 0 ? json : null;

        /// <summary>The id as a number.</summary>
        public long IdNumber => long.Parse(Id ?? throw new Xunit.Sdk.XunitException("The message has no id."), System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The JSON as a document's root.</summary>
        public JsonElement Body => JsonDocument.Parse(Json ?? throw new Xunit.Sdk.XunitException($"{Selector} has no JSON.")).RootElement;
    }
}
