// Code shown in docs/services.md, docs/errors.md and docs/client.md: compiled here, run by DocExampleTests.
namespace BaaS.Tests.Docs.Examples;

#region snippet:services-dto
/// <summary>Greets someone by name.</summary>
[Tag("Greetings"), Route("/greetings/{Name}", "GET")]
public class GetGreeting : IReturn<GetGreetingResponse>, IGet
{
    public string Name { get; set; } = "";
    public string? Title { get; set; }
}

public class GetGreetingResponse
{
    public string Greeting { get; set; } = "";
}
#endregion

#region snippet:services-service
public class GreetingServices(TimeProvider clock) : Service
{
    public GetGreetingResponse Get(GetGreeting request)
    {
        var partOfDay = clock.GetUtcNow().Hour < 12 ? "morning" : "afternoon";
        var who = request.Title is null ? request.Name : $"{request.Title} {request.Name}";
        return new GetGreetingResponse { Greeting = $"Good {partOfDay}, {who}!" };
    }
}
#endregion

#region snippet:services-required
public class SendGreetingCard : IReturn<IdResponse>, IPost
{
    public required string To { get; set; }            // a C# required member: missing -> 400 naming "To"

    [ApiMember(IsRequired = true, Description = "Printed inside the card")]
    public string? Message { get; set; }              // required on the wire, nullable in C#
}
#endregion

public class GreetingCard
{
    public int Id { get; set; }
    public string To { get; set; } = "";
    public string Message { get; set; } = "";
}

public sealed class GreetingCardStore
{
    private int _next;
    public Dictionary<int, GreetingCard> Cards { get; } = [];
    public int Add(string to, string message)
    {
        var id = Interlocked.Increment(ref _next);
        lock (Cards) Cards[id] = new GreetingCard { Id = id, To = to, Message = message };
        return id;
    }
}

[Route("/cards/{Id}", "GET")]
public class GetGreetingCard : IReturn<GreetingCard>, IGet
{
    public int Id { get; set; }
}

[Route("/cards/{Id}", "PATCH")]
public class PatchGreetingCard : IReturn<GreetingCard>, IPatch
{
    public int Id { get; set; }
    public string? To { get; set; }
    public string? Message { get; set; }
}

public class GreetingCardServices(GreetingCardStore store) : Service
{
    #region snippet:services-http-result
    public HttpResult Post(SendGreetingCard request)
    {
        var id = store.Add(request.To, request.Message!);
        return new HttpResult(new IdResponse { Id = id.ToString() }, statusCode: 201)
        {
            Headers = { ["Location"] = $"/cards/{id}" },
        };
    }
    #endregion

    #region snippet:errors-http-error
    public GreetingCard Get(GetGreetingCard request)
    {
        if (request.Id <= 0)
            throw HttpError.Validation(nameof(request.Id), "GreaterThan", "'Id' must be greater than 0.");
        return store.Cards.GetValueOrDefault(request.Id)
            ?? throw HttpError.NotFound($"Card {request.Id} does not exist.");
    }
    #endregion

    #region snippet:services-request-info
    public GreetingCard Patch(PatchGreetingCard request)
    {
        var card = Get(new GetGreetingCard { Id = request.Id });
        var sent = HttpContext.GetRequestInfo()!;
        if (sent.WasSent(nameof(request.To))) card.To = request.To ?? "";
        if (sent.WasSent(nameof(request.Message))) card.Message = request.Message ?? "";
        return card;
    }
    #endregion
}
