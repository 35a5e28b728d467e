using BaaS.Auth;

namespace BaaS.Jobs.Tests;

/// <summary>An API only the Ops role may call: records who called it.</summary>
[ValidateHasRole("Ops")]
public class RecordCall : IReturn<RecordCallResponse>, IPost
{
    public string Key { get; set; } = "";
    public int? FailStatus { get; set; }
}

public class RecordCallResponse
{
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public List<string> Roles { get; set; } = [];
}

/// <summary>Called over HTTP by a signed-in user: queues <see cref="RecordCall"/> as that user.</summary>
[ValidateIsAuthenticated]
public class QueueRecordCall : IReturn<QueueRecordCallResponse>, IPost
{
    public string Key { get; set; } = "";
}

public class QueueRecordCallResponse
{
    public long JobId { get; set; }
}

public class JobTestServices(IBackgroundJobs jobs) : Service
{
    public RecordCallResponse Post(RecordCall request)
    {
        if (request.FailStatus is { } status) throw new HttpError(status, "TestFailure", "the API refused");
        var response = new RecordCallResponse
        {
            UserId = User.GetUserId(), UserName = User.GetUserName(),
            Roles = [.. User.FindAll(AuthClaims.Role).Select(c => c.Value)],
        };
        Probe.Record(new Probe.Run(request.Key, 0, 0, "", DateTime.UtcNow, DateTime.UtcNow, response.UserName, false, response));
        return response;
    }

    public async Task<QueueRecordCallResponse> Post(QueueRecordCall request) =>
        new() { JobId = (await jobs.EnqueueApiAsync(new RecordCall { Key = request.Key }, cancellationToken: CancellationToken)).Id };
}
