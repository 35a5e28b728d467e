// Code shown in docs/auth.md: compiled here, served by the test host and run by AuthDocExampleTests.
using BaaS.Data;
using BaaS.DataAnnotations;

namespace BaaS.Auth.Tests.Docs;

#region snippet:auth-protect
[ValidateIsAuthenticated]                  // signed in: 401 otherwise
public class GetMyOrders : IGet, IReturn<MyOrdersResponse>;

[ValidateHasRole("Owner")]                 // 403 for signed-in users without the role (Admin has every role)
public class UpdateMenu : IPost, IReturn<EmptyResponse>
{
    public int RestaurantId { get; set; }
}

[ValidateHasPermission("orders.refund")]   // 403 without the permission
public class RefundPayment : IPost, IReturn<EmptyResponse>
{
    public int OrderId { get; set; }
}

[ValidateApiKey("orders:read")]            // an API key holding the scope: 401 without a key, 403 without the scope
public class ExportOrdersCsv : IGet, IReturn<MyOrdersResponse>;
#endregion

public class MyOrdersResponse
{
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public bool IsOwner { get; set; }
    public bool ViaApiKey { get; set; }
}

#region snippet:auth-who
public class MyOrderServices : Service
{
    public MyOrdersResponse Get(GetMyOrders request) => new()
    {
        UserId = User.GetUserId()!,            // the token's "sub": the BaaSUser's id
        UserName = User.GetUserName()!,
        IsOwner = User.HasRole("Owner"),
        ViaApiKey = User.GetApiKeyId() is not null,
    };

    public EmptyResponse Post(UpdateMenu request) => new();

    public EmptyResponse Post(RefundPayment request) => new();

    public MyOrdersResponse Get(ExportOrdersCsv request) => Get(new GetMyOrders());
}
#endregion

#region snippet:auth-email-sender
/// <summary>Keeps each email in an outbox table; a background job sends and deletes them.</summary>
public class OutboxEmailSender(IDbConnectionFactory dbFactory) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.OpenAsync(cancellationToken);
        await db.InsertAsync(new OutboxEmail { To = message.To, Subject = message.Subject, Body = message.TextBody, Kind = message.Kind }, cancellationToken);
    }
}

public class OutboxEmail
{
    [AutoIncrement] public long Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string Kind { get; set; } = "";
}
#endregion
