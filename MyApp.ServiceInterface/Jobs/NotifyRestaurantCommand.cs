using BaaS;
using BaaS.Data;
using BaaS.Jobs;
using MyApp.ServiceModel;
using Microsoft.Extensions.Logging;

namespace MyApp.ServiceInterface.Jobs;

/// <summary>
/// Tells the restaurant about a new order (today: its log and the job's log; a tablet app or a printer later). Queued
/// on the restaurant's named worker, so one restaurant's notifications arrive one at a time, in order.
/// </summary>
public sealed partial class NotifyRestaurantCommand(IDbConnectionFactory dbFactory, IJobContext job, ILogger<NotifyRestaurantCommand> logger)
    : IAsyncCommand<OrderNotice, string>
{
    public async Task<string> ExecuteAsync(OrderNotice arg, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.OpenAsync(cancellationToken);
        var order = await db.LoadSingleByIdAsync<Order>(arg.OrderId, cancellationToken)
            ?? throw HttpError.NotFound($"Order {arg.OrderId} does not exist.");
        var lines = string.Join(", ", order.Items.Select(i => $"{i.Quantity} x {i.Name}"));
        var notice = $"New order {order.Id} for {order.CustomerName}: {lines}";
        LogNotified(logger, arg.RestaurantId, notice);
        job.Log(notice);
        return notice;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restaurant {RestaurantId}: {Notice}")]
    private static partial void LogNotified(ILogger logger, int restaurantId, string notice);
}
