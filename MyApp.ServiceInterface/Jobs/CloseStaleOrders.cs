namespace MyApp.ServiceInterface.Jobs;

/// <summary>The argument of <see cref="CloseStaleOrdersCommand"/>: how old a placed order must be to be closed.</summary>
public sealed class CloseStaleOrders
{
    public int OlderThanMinutes { get; set; } = 60;
}
