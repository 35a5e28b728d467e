namespace BaaS.Redis.Tests.RateLimiting;

/// <summary>Counts only against the default policy.</summary>
public class Ping : IReturn<PingResponse>, IGet
{
}

/// <summary>Three calls a minute per caller (the window is changed by configuration in some tests), failing open.</summary>
[RateLimit(3, "00:01:00")]
public class LimitedPing : IReturn<PingResponse>, IGet
{
}

/// <summary>Two calls a minute per IP address, failing closed.</summary>
#region snippet:rate-limit-attribute
[RateLimit(2, "00:01:00", Name = "strict", Partition = RateLimitPartition.Ip, FailureMode = RateLimitFailureMode.Closed)]
public class StrictPing : IReturn<PingResponse>, IGet
{
}
#endregion

/// <summary>Two calls a minute per user, whichever way it authenticated.</summary>
[RateLimit(2, "00:01:00", Partition = RateLimitPartition.User)]
public class UserPing : IReturn<PingResponse>, IGet
{
}

public class PingResponse
{
    public string? Caller { get; set; }
    public ResponseStatus? ResponseStatus { get; set; }
}

public class RateLimitProbeServices : Service
{
    public PingResponse Get(Ping request) => new() { Caller = User.Identity?.Name };

    public PingResponse Get(LimitedPing request) => new() { Caller = User.Identity?.Name };

    public PingResponse Get(StrictPing request) => new() { Caller = User.Identity?.Name };

    public PingResponse Get(UserPing request) => new() { Caller = User.Identity?.Name };
}
