namespace BaaS.Tests.Fixtures;

/// <summary>Marks DTOs that <see cref="BlockingFilter"/> refuses before their body is read.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BlockedAttribute : Attribute;

[Blocked]
public class BlockedOperation : IReturn<VerbResponse>, IPost
{
    public string? Value { get; set; }
}

/// <summary>Refuses [Blocked] operations before binding: a malformed body must not matter.</summary>
public sealed class BlockingFilter : IOperationFilter
{
    public int Order => FilterOrder.Authorization;
    public bool RunsBeforeBinding => true;
    public bool AppliesTo(Operation operation) => operation.RequestType.IsDefined(typeof(BlockedAttribute), false);
    public ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next) =>
        throw HttpError.Forbidden($"{context.Operation.Name} is blocked.");
}

/// <summary>Refuses any CreateItem whose name is "forbidden", after binding.</summary>
public sealed class ForbiddenNameFilter : IOperationFilter
{
    public bool AppliesTo(Operation operation) => operation.RequestType == typeof(CreateItem);
    public ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next) =>
        ((CreateItem)context.Request!).Name == "forbidden"
            ? throw HttpError.Validation("Name", "Forbidden", "That name is not allowed.")
            : next(context);
}

/// <summary>Creates an item through the gateway, so the call goes through the filters too.</summary>
public class CreateItemViaGateway : IReturn<Item>, IPost
{
    public string Name { get; set; } = "";
}

/// <summary>Looks up an item through the gateway and reports whether the inner service's disposables were released.</summary>
public class GetItemViaGateway : IReturn<GatewayReport>, IGet
{
    public int Id { get; set; }
}

public class GatewayReport
{
    public Item? Item { get; set; }
    public bool InnerDisposed { get; set; }
}

public sealed class DisposeTracker : IDisposable
{
    public bool Disposed { get; private set; }
    public void Dispose() => Disposed = true;
}

/// <summary>Registers a disposable with the response, as Service.Db does, and returns the tracker.</summary>
public class TrackDisposal : IReturn<DisposeTrackerHolder>;

public class DisposeTrackerHolder
{
    [System.Text.Json.Serialization.JsonIgnore]
    public DisposeTracker? Tracker { get; set; }
}

public class GatewayServices : Service
{
    public Task<Item> Post(CreateItemViaGateway request) =>
        Gateway.SendAsync(new CreateItem { Name = request.Name, Price = 1 }, CancellationToken);

    public async Task<GatewayReport> Get(GetItemViaGateway request)
    {
        var holder = (DisposeTrackerHolder)(await Gateway.SendObjectAsync(new TrackDisposal(), CancellationToken))!;
        var item = await Gateway.SendAsync(new GetItem { Id = request.Id }, CancellationToken);
        return new GatewayReport { Item = item, InnerDisposed = holder.Tracker!.Disposed };
    }

    public VerbResponse Post(BlockedOperation request) => new() { Verb = "reached the service", Value = request.Value };

    public DisposeTrackerHolder Any(TrackDisposal request)
    {
        var tracker = new DisposeTracker();
        Response.RegisterForDispose(tracker);
        return new DisposeTrackerHolder { Tracker = tracker };
    }
}
