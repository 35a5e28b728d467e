using BaaS.Data;
using System.Collections.Concurrent;

namespace BaaS.Redis.Tests.ResponseCaching;

/// <summary>Who is asking, as the service saw it, and how many times it ran.</summary>
public class CallerNote
{
    public string Text { get; set; } = "";
    public int Call { get; set; }
}

#region snippet:response-cache-vary
[CacheResponse(VaryByUser = true), ValidateIsAuthenticated]
public class GetCallerNote : IReturn<CallerNote>, IGet;

[CacheResponse(VaryByRoles = ["Staff"])]
public class GetStaffBoard : IReturn<CallerNote>, IGet;
#endregion

/// <summary>Cached, but answers differently to each signed-in caller: the attribute does not say so, so signed-in calls are never cached.</summary>
[CacheResponse]
public class GetGreeting : IReturn<CallerNote>, IGet;

/// <summary>Fails with 404 unless there is news.</summary>
[CacheResponse]
public class GetBakeryNews : IReturn<CallerNote>, IGet
{
    public bool Missing { get; set; }
}

/// <summary>Callable with any verb; only GET calls are cached.</summary>
[CacheResponse]
public class CountVisits : IReturn<CallerNote>;

public class PublishBakeryNews : IReturn<CallerNote>, IPost
{
    public string Text { get; set; } = "";
}

/// <summary>An answer with a status and a header of the service's own choosing.</summary>
[CacheResponse]
public class GetCakeLabel : IReturn<CallerNote>, IGet;

/// <summary>The cheapest cake, read by hand: declares the model its answer is built from.</summary>
#region snippet:response-cache-models
[CacheResponse(Models = [typeof(Cake)])]
public class GetCheapestCake : IReturn<CallerNote>, IGet;
#endregion

public class CakeServices(IResponseCache responseCache) : Service
{
    private static readonly ConcurrentDictionary<string, string> News = new();
    private static int _calls;

    public CallerNote Get(GetCallerNote request) => Note("note for " + User.Identity!.Name);

    public CallerNote Get(GetStaffBoard request) => Note(User.IsInRole("Staff") ? "staff board" : "public board");

    public CallerNote Get(GetGreeting request) => Note("hello " + (User.Identity?.Name ?? "stranger"));

    public CallerNote Get(GetBakeryNews request) =>
        request.Missing || !News.TryGetValue(BaseUrlKey, out var text) ? throw HttpError.NotFound("No news today.") : Note(text);

    public CallerNote Any(CountVisits request) => Note("visit");

    #region snippet:response-cache-invalidate-api
    public async Task<CallerNote> Post(PublishBakeryNews request)
    {
        News[BaseUrlKey] = request.Text;
        await responseCache.InvalidateAsync<GetBakeryNews>(CancellationToken);
        return Note("published");
    }
    #endregion

    public HttpResult Get(GetCakeLabel request) => new(Note("label"), 203) { Headers = { ["X-Baker"] = "Ann", ["Set-Cookie"] = "seen=1" } };

    public async Task<CallerNote> Get(GetCheapestCake request)
    {
        var db = await OpenDbAsync();
        var cakes = await db.SelectAsync<Cake>(c => c.DeletedDate == null, CancellationToken);
        return Note(cakes.OrderBy(c => c.Price).Select(c => c.Name).FirstOrDefault() ?? "none");
    }

    public async Task<IdResponse> Post(BakeCake request)
    {
        var db = await OpenDbAsync();
        var now = DateTime.UtcNow;
        await using var transaction = await db.OpenTransactionAsync(CancellationToken);
        var id = await db.InsertAsync(new Cake { BakeryId = 1, Name = request.Name, Flavour = "plain", Price = 2, CreatedBy = "oven", CreatedDate = now,
            ModifiedBy = "oven", ModifiedDate = now }, CancellationToken);
        await transaction.CommitAsync(CancellationToken);
        return new IdResponse { Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    // Each server has its own news (tests run in parallel): keyed by the app's service name.
    private string BaseUrlKey => Request!.Host.ToString();

    private static CallerNote Note(string text) => new() { Text = text, Call = Interlocked.Increment(ref _calls) };
}

/// <summary>Counts the calls that reach the service (it sits inside the response cache), per operation.</summary>
public sealed class ServiceCalls : IOperationFilter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Order => 1000;

    public bool AppliesTo(Operation operation) => true;

    public int this[string operation] => _counts.GetValueOrDefault(operation);

    public ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next)
    {
        _counts.AddOrUpdate(context.Operation.Name, 1, (_, n) => n + 1);
        return next(context);
    }
}
