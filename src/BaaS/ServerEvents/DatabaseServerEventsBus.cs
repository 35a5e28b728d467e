using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using BaaS.Data;
using Microsoft.Extensions.Logging;

namespace BaaS.ServerEvents;

/// <summary>
/// The bus on the database's notifications (PostgreSQL's LISTEN/NOTIFY), for an app on several nodes that has the
/// database but no Redis. Each message takes the next value of the sequence <c>baas_server_event_id</c> (so ids are
/// the same on every node) and is sent as <c>pg_notify(channel, '{id} {payload}')</c>; one that does not fit in a
/// notification is stored in <c>baas_server_event_payload</c> and notified as <c>{id} *</c>, and every node reads it
/// from there. Each node holds one connection that LISTENs; a lost one is opened again by itself.
/// </summary>
internal sealed partial class DatabaseServerEventsBus : IServerEventsBus
{
    public const string Sequence = "baas_server_event_id";
    private static readonly TimeSpan PayloadLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(1);

    private readonly IDbConnectionFactory _factory;
    private readonly TimeProvider _clock;
    private readonly ILogger<DatabaseServerEventsBus> _logger;
    private readonly Channel<string> _received = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;
    private IServerEventsReceiver? _receiver;
    private Task? _listening;
    private Task? _dispatching;
    private long _lastCleanupTicks;
    private int _disposed;

    public DatabaseServerEventsBus(IDbConnectionFactory factory, string serviceName, TimeProvider clock, ILogger<DatabaseServerEventsBus> logger)
    {
        _factory = factory;
        _clock = clock;
        _logger = logger;
        Channel = ChannelOf(serviceName);
    }

    public string Name => "database";

    /// <summary>The notification channel: <c>baas_events_</c> and the service name (letters, digits, underscores), so apps sharing a database do not hear each other.</summary>
    public string Channel { get; }

    internal static string ChannelOf(string serviceName)
    {
        var name = new StringBuilder("baas_events_");
        foreach (var c in serviceName.ToLowerInvariant()) name.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_');
        return name.Length <= 63 ? name.ToString() : name.ToString(0, 63);
    }

    public async Task StartAsync(IServerEventsReceiver receiver, CancellationToken cancellationToken)
    {
        _receiver = receiver;
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _listening = Task.Run(() => ListenLoopAsync(listening, _stop.Token), CancellationToken.None);
        _dispatching = Task.Run(() => DispatchLoopAsync(_stop.Token), CancellationToken.None);
        // Wait for the first LISTEN (so a message published right after start is heard), but not for a database that is away.
        await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken)).ConfigureAwait(false);
    }

    public async Task PublishAsync(string payload, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await _factory.OpenAsync(cancellationToken).ConfigureAwait(false);
            await EnsureSchemaAsync(db, cancellationToken).ConfigureAwait(false);
            var id = await db.SqlScalarAsync<long>(db.Dialect.NextSequenceValueSql(Sequence), null, cancellationToken).ConfigureAwait(false);
            var text = id.ToString(CultureInfo.InvariantCulture) + " " + payload;
            if (Encoding.UTF8.GetByteCount(text) > db.Dialect.MaxNotificationBytes)
            {
                await db.InsertAsync(new ServerEventPayloadRecord { Id = id, Payload = payload, CreatedAt = _clock.GetUtcNow().UtcDateTime }, cancellationToken).ConfigureAwait(false);
                text = id.ToString(CultureInfo.InvariantCulture) + " *";
            }
            await db.ExecuteSqlAsync("SELECT " + db.Dialect.NotifySql(Channel, "payload"), new { payload = text }, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            throw new ServerEventsUnavailableException($"The database's notifications cannot be reached: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var task in new[] { _listening, _dispatching })
        {
            if (task is null) continue;
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // stopped
            }
        }
        _stop.Dispose();
        _schemaGate.Dispose();
    }

    // The sequence and the table of large payloads, created once by whichever node needs them first.
    private async Task EnsureSchemaAsync(DataConnection db, CancellationToken cancellationToken)
    {
        if (_schemaReady) return;
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady) return;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await db.ExecuteSqlAsync(db.Dialect.CreateSequenceSql(Sequence), null, cancellationToken).ConfigureAwait(false);
                    await db.CreateTableIfNotExistsAsync<ServerEventPayloadRecord>(cancellationToken).ConfigureAwait(false);
                    break;
                }
                // Two nodes creating the same object at once: one of them loses the race; the object is there now.
                catch (DbException) when (attempt < 3)
                {
                }
            }
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }
}
