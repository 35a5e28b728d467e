using System.Collections.Concurrent;
using System.Diagnostics;

namespace BaaS.OpenTelemetry.Tests;

/// <summary>
/// Every HTTP request any HttpClient of this process starts while it is alive (from HttpClient's own diagnostic events,
/// which fire even for requests that find no server), so a test can say an exporter sent nothing anywhere.
/// </summary>
public sealed class OutgoingRequests : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly IDisposable _all;
    private readonly ConcurrentQueue<IDisposable> _subscriptions = new();

    public OutgoingRequests() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public ConcurrentQueue<Uri> Uris { get; } = new();

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "HttpHandlerDiagnosticListener") _subscriptions.Enqueue(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != "System.Net.Http.HttpRequestOut.Start" && value.Key != "System.Net.Http.Request") return;
        if (value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) is HttpRequestMessage { RequestUri: { } uri }) Uris.Enqueue(uri);
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }

    void IObserver<DiagnosticListener>.OnError(Exception error) { }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        while (_subscriptions.TryDequeue(out var subscription)) subscription.Dispose();
    }
}
