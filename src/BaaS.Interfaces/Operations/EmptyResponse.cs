namespace BaaS;

/// <summary>A response with nothing in it but a place for an error.</summary>
public class EmptyResponse : IHasResponseStatus
{
    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
