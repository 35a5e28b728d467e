namespace BaaS;

/// <summary>
/// The fan-out between an app's nodes behind <see cref="IServerEvents"/>: every payload published on any node is handed,
/// with one id, to the receiver of every node (the publishing node included), in the same order on every node. The ids
/// grow with each message and are the <c>id:</c> clients see, so a client reconnecting to another node with
/// <c>Last-Event-ID</c> resumes where it left off. The platform's buses: in process (one node), Redis pub/sub (BaaS.Redis)
/// and the database's notifications (PostgreSQL's LISTEN/NOTIFY).
/// </summary>
public interface IServerEventsBus : IAsyncDisposable
{
    /// <summary>Its name in the metadata and stats: <c>memory</c>, <c>redis</c>, <c>database</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Starts handing every payload to <paramref name="receiver"/>, from now on; it returns once listening started or,
    /// when the bus cannot be reached yet, at once, and keeps trying by itself.
    /// </summary>
    Task StartAsync(IServerEventsReceiver receiver, CancellationToken cancellationToken);

    /// <summary>Publishes <paramref name="payload"/> to every node.</summary>
    /// <exception cref="ServerEventsUnavailableException">The bus cannot be reached.</exception>
    Task PublishAsync(string payload, CancellationToken cancellationToken);
}
