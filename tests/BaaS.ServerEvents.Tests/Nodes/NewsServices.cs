namespace BaaS.ServerEvents.Tests.Nodes;

/// <summary>An operation that publishes: what an app's service does.</summary>
public class PostNews : IPost, IReturn<EmptyResponse>
{
    public string Title { get; set; } = "";
}

public class NewsServices(IServerEvents events) : Service
{
    public async Task<EmptyResponse> Post(PostNews request)
    {
        await events.NotifyChannelAsync("news", new NewsPosted { Title = request.Title }, CancellationToken);
        return new EmptyResponse();
    }
}
