namespace BaaS.ServerEvents.Tests;

/// <summary>Who may follow which order: the rule behind <c>order-*</c> (order 1 is ann's, order 2 bob's; cara delivers both).</summary>
public sealed class OrderDirectory
{
    private readonly Dictionary<int, (string Customer, string Courier)> _orders = new()
    {
        [1] = ("ann", "cara"),
        [2] = ("bob", "cara"),
    };

    public int Asked;

    public ValueTask<bool> MayFollowAsync(ChannelAccessContext access)
    {
        Interlocked.Increment(ref Asked);
        return ValueTask.FromResult(int.TryParse(access.Wildcard, out var id) && access.UserId is { } user &&
            _orders.TryGetValue(id, out var order) && (order.Customer == user || order.Courier == user));
    }
}
