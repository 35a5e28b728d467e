namespace BaaS;

/// <summary>A response DTO that carries a <see cref="BaaS.ResponseStatus"/> (filled when the request fails).</summary>
public interface IHasResponseStatus
{
    /// <summary>The error, or null on success.</summary>
    ResponseStatus? ResponseStatus { get; set; }
}
