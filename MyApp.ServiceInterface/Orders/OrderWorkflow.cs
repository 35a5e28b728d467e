using MyApp.ServiceModel;

namespace MyApp.ServiceInterface;

/// <summary>Who moves an order along.</summary>
public enum OrderParty
{
    /// <summary>The customer who placed it.</summary>
    Customer,

    /// <summary>The owner of its restaurant.</summary>
    Owner,

    /// <summary>A courier: any courier takes a Preparing order, only its courier delivers it.</summary>
    Courier,
}

/// <summary>
/// The order status workflow, as data: which moves are legal, and which party may make each. Admins may make every
/// legal move. Placed -> Accepted -> Preparing -> OutForDelivery -> Delivered; Placed, Accepted and Preparing may
/// also go to Cancelled; Delivered and Cancelled are final.
/// </summary>
public static class OrderWorkflow
{
    private static readonly Dictionary<(OrderStatus From, OrderStatus To), OrderParty[]> Moves = new()
    {
        [(OrderStatus.Placed, OrderStatus.Accepted)] = [OrderParty.Owner],
        [(OrderStatus.Placed, OrderStatus.Cancelled)] = [OrderParty.Owner, OrderParty.Customer],
        [(OrderStatus.Accepted, OrderStatus.Preparing)] = [OrderParty.Owner],
        [(OrderStatus.Accepted, OrderStatus.Cancelled)] = [OrderParty.Owner],
        [(OrderStatus.Preparing, OrderStatus.OutForDelivery)] = [OrderParty.Courier],
        [(OrderStatus.Preparing, OrderStatus.Cancelled)] = [OrderParty.Owner],
        [(OrderStatus.OutForDelivery, OrderStatus.Delivered)] = [OrderParty.Courier],
    };

    /// <summary>Every legal move.</summary>
    public static IEnumerable<(OrderStatus From, OrderStatus To)> LegalMoves => Moves.Keys;

    /// <summary>The statuses an order may move to from <paramref name="status"/>, in workflow order.</summary>
    public static IReadOnlyList<OrderStatus> NextOf(OrderStatus status) =>
        [.. Moves.Keys.Where(m => m.From == status).Select(m => m.To).Order()];

    /// <summary>True when the move is part of the workflow.</summary>
    public static bool IsLegal(OrderStatus from, OrderStatus to) => Moves.ContainsKey((from, to));

    /// <summary>The parties who may make a legal move (besides admins).</summary>
    public static IReadOnlyList<OrderParty> PartiesFor(OrderStatus from, OrderStatus to) =>
        Moves.TryGetValue((from, to), out var parties) ? parties : [];

    /// <summary>"Order 7 is Placed: it can move to Accepted or Cancelled, not Delivered."</summary>
    public static string IllegalMoveMessage(int orderId, OrderStatus from, OrderStatus to)
    {
        var next = NextOf(from);
        return next.Count == 0
            ? $"Order {orderId} is {from}, which is final: it cannot move to {to}."
            : $"Order {orderId} is {from}: it can move to {string.Join(" or ", next)}, not {to}.";
    }
}
