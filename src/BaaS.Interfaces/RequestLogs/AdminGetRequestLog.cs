namespace BaaS;

/// <summary>One row of the request log, with its request body when bodies were recorded (Admin only).</summary>
[Tag("Admin"), ValidateIsAdmin]
public class AdminGetRequestLog : IReturn<AdminGetRequestLogResponse>, IGet
{
    /// <summary>The row's id.</summary>
    public long Id { get; set; }
}

/// <summary>A row of the request log.</summary>
public class AdminGetRequestLogResponse : IHasResponseStatus
{
    /// <summary>The row.</summary>
    public RequestLog Result { get; set; } = new();

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
