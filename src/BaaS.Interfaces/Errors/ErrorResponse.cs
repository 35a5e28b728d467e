namespace BaaS;

/// <summary>The body of every failed request: <c>{ "responseStatus": { ... } }</c>.</summary>
public class ErrorResponse : IHasResponseStatus
{
    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
