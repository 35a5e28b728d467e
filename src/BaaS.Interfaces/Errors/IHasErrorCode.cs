namespace BaaS;

/// <summary>An exception that carries its own machine-readable error code for <see cref="ResponseStatus.ErrorCode"/>.</summary>
public interface IHasErrorCode
{
    /// <summary>The error code, e.g. <c>Unique</c>.</summary>
    string ErrorCode { get; }
}
