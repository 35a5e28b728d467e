namespace MyApp.ServiceInterface.Jobs;

/// <summary>The argument of the jobs an order queues: which order, at which restaurant.</summary>
public sealed class OrderNotice
{
    public int OrderId { get; set; }
    public int RestaurantId { get; set; }
}
