using BaaS;
using MyApp.ServiceInterface;

namespace MyApp;

/// <summary>
/// Server events (docs/server-events.md): the customer follows an order live on <c>order-{id}</c>, an owner gets new
/// orders and every move of them on <c>restaurant-{id}</c>, couriers get orders ready for pickup on <c>couriers</c>.
/// Across nodes through Redis when <c>ConnectionStrings:Redis</c> is set, else PostgreSQL's LISTEN/NOTIFY on
/// PostgreSQL, else in process.
/// </summary>
public class ConfigureServerEvents : IStartupModule
{
    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:myapp-server-events
        builder.Services.AddServerEvents(OrderEvents.Declare);
        builder.Services.AddSingleton<OrderEvents>();
        #endregion
    }
}
