namespace BaaS.Jobs;

/// <summary>A job this node cannot run (its command or operation is unknown here); retried like any failure, perhaps on another node.</summary>
internal sealed class JobException(string errorCode, string message) : Exception(message), IHasErrorCode
{
    public string ErrorCode { get; } = errorCode;
}
