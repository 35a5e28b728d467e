using BaaS.DataAnnotations;

namespace BaaS.RequestLogs.Tests.Fixtures;

/// <summary>A dish: the model of the AutoQuery APIs the suite calls (and batches).</summary>
[Alias("log_dish")]
public class LogDish
{
    [AutoIncrement] public int Id { get; set; }
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
}

[Tag("Dishes")]
public class CreateLogDish : ICreateDb<LogDish>, IReturn<IdResponse>
{
    [ValidateNotEmpty] public string Name { get; set; } = "";
    public decimal Price { get; set; }
}

[Tag("Dishes")]
public class QueryLogDishes : QueryDb<LogDish>;

/// <summary>Answers its text, after waiting <see cref="DelayMs"/> when asked.</summary>
public class Echo : IReturn<EchoResponse>, IGet
{
    public string? Text { get; set; }
    public int? DelayMs { get; set; }
}

public class EchoResponse
{
    public string Text { get; set; } = "";
}

/// <summary>Fails with <see cref="Status"/>: a 4xx as an <see cref="HttpError"/> coded <c>Refused</c>, a 5xx as an unexpected exception.</summary>
public class Fail : IReturn<EmptyResponse>, IPost
{
    public int Status { get; set; }
    public string Message { get; set; } = "";
}

/// <summary>A request full of secrets: by name (password, token, keys) and marked [Sensitive].</summary>
public class SignUp : IReturn<EmptyResponse>, IPost
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string? AccessToken { get; set; }
    public string? ApiKey { get; set; }
    public PaymentCard? Card { get; set; }
    public List<Contact> Contacts { get; set; } = [];
    public Dictionary<string, string> Extra { get; set; } = [];
}

public class PaymentCard
{
    [Sensitive] public string Number { get; set; } = "";
    public string Holder { get; set; } = "";
}

public class Contact
{
    public string Name { get; set; } = "";
    [Sensitive] public string Phone { get; set; } = "";
}

/// <summary>Calls <see cref="Echo"/> through the in-process gateway.</summary>
public class CallEcho : IReturn<EchoResponse>, IGet
{
    public string Text { get; set; } = "";
}

[ValidateIsAuthenticated]
public class WhoAmI : IReturn<EchoResponse>, IGet;

public class LogsServices : Service
{
    public async Task<EchoResponse> Get(Echo request)
    {
        if (request.DelayMs is > 0 and var delay) await Task.Delay(delay, CancellationToken);
        return new EchoResponse { Text = request.Text ?? "" };
    }

    public EmptyResponse Post(Fail request) => request.Status >= 500
        ? throw new InvalidOperationException(request.Message)
        : throw new HttpError(request.Status, "Refused", request.Message);

    public EmptyResponse Post(SignUp request) => new();

    public Task<EchoResponse> Get(CallEcho request) => Gateway.SendAsync(new Echo { Text = request.Text }, CancellationToken);

    public EchoResponse Get(WhoAmI request) => new() { Text = User.Identity?.Name ?? "" };
}
