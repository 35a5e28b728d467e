using System.Globalization;
using System.Text;
using BaaS;
using BaaS.Auth;
using BaaS.Data;
using BaaS.Jobs;
using MyApp.ServiceModel;

namespace MyApp.ServiceInterface.Jobs;

/// <summary>Emails the customer the confirmation of a placed order; the email sent is the job's result.</summary>
public sealed class SendOrderConfirmationCommand(IDbConnectionFactory dbFactory, IEmailSender email, IJobContext job)
    : IAsyncCommand<OrderNotice, EmailMessage>
{
    public async Task<EmailMessage> ExecuteAsync(OrderNotice arg, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.OpenAsync(cancellationToken);
        var order = await db.LoadSingleByIdAsync<Order>(arg.OrderId, cancellationToken)
            ?? throw HttpError.NotFound($"Order {arg.OrderId} does not exist."); // a 404 is not retried
        var restaurant = await db.SingleByIdAsync<Restaurant>(order.RestaurantId, cancellationToken);
        var customer = await db.SingleByIdAsync<BaaSUser>(order.CustomerId, cancellationToken);
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Hello {order.CustomerName},\n\nyour order {order.Id} from {restaurant?.Name} is placed:\n");
        foreach (var item in order.Items)
            body.Append(CultureInfo.InvariantCulture, $"  {item.Quantity} x {item.Name}  {item.LineTotal:0.00}\n");
        body.Append(CultureInfo.InvariantCulture, $"Delivery {order.DeliveryFee:0.00}, total {order.Total:0.00}.\n")
            .Append(CultureInfo.InvariantCulture, $"Expected at {order.EstimatedDeliveryAt:HH:mm} UTC at {order.DeliveryAddress}.\n");
        var message = new EmailMessage
        {
            To = customer?.Email ?? customer?.UserName ?? order.CustomerName,
            UserId = order.CustomerId.ToString(),
            Subject = $"Your order {order.Id} is placed",
            TextBody = body.ToString(),
            Kind = "OrderConfirmation",
        };
        await email.SendAsync(message, cancellationToken);
        job.Log($"Sent the confirmation of order {order.Id} to {message.To}");
        return message;
    }
}
