using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BaaS.ServerEvents;

/// <summary>
/// Starts the bus when the app starts, ends idle subscriptions every <see cref="ServerEventsOptions.HouseKeepingInterval"/>
/// (on the app's <see cref="TimeProvider"/>), and closes every stream as soon as the app begins to stop, so that the
/// server's graceful shutdown does not wait for streams that never end.
/// </summary>
internal sealed class ServerEventsBackground(ServerEventsBroker broker, IHostApplicationLifetime lifetime, ILogger<ServerEventsBackground> logger) : IHostedService
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _houseKeeping;
    private CancellationTokenRegistration _stopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await broker.Bus.StartAsync(broker, cancellationToken).ConfigureAwait(false);
        ServerEventsLog.Started(logger, broker.Bus.Name);
        _stopping = lifetime.ApplicationStopping.Register(broker.CloseAll);
        _houseKeeping = HouseKeepingAsync(_stop.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        broker.CloseAll();
        await _stopping.DisposeAsync().ConfigureAwait(false);
        if (_houseKeeping is not null) await _houseKeeping.ConfigureAwait(false);
    }

    private async Task HouseKeepingAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(broker.Options.HouseKeepingInterval, broker.Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    broker.ExpireIdle();
                }
                catch (Exception e)
                {
                    ServerEventsLog.HouseKeepingFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the app stops
        }
    }
}
