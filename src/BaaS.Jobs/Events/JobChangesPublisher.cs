using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Jobs;

/// <summary>
/// Tells the jobs dashboard that jobs changed, so it reloads then instead of polling: once per
/// <see cref="JobsOptions.ChangeNoticeInterval"/> at most, when something changed on this node, a
/// <see cref="JobsChanged"/> to <see cref="JobsOptions.EventsChannel"/> (admins only). Runs only when the app has server
/// events (<c>AddServerEvents</c>); a notice that cannot be published (the bus is away) is dropped: the dashboard still
/// polls, slowly, and the next change publishes again.
/// </summary>
internal sealed partial class JobChangesPublisher(IServiceProvider services, JobChanges changes, IOptions<JobsOptions> options,
    ILogger<JobChangesPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var events = services.GetService<IServerEvents>();
        var settings = options.Value;
        if (events is null || settings.EventsChannel is null) return;
        using var timer = new PeriodicTimer(settings.ChangeNoticeInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (!changes.TryTake(out var ids, out var more)) continue;
                try
                {
                    await events.NotifyChannelAsync(settings.EventsChannel, new JobsChanged { Ids = ids, More = more, Node = settings.NodeName }, stoppingToken)
                        .ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogNotPublished(logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 7050, Level = LogLevel.Debug, Message = "A jobs-changed notice was not published: {Reason}")]
    private static partial void LogNotPublished(ILogger logger, string reason);
}
