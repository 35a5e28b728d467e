namespace BaaS;

/// <summary>The response of create/update operations: <c>{ "id": "42" }</c>.</summary>
public class IdResponse : IHasResponseStatus
{
    /// <summary>The id of the row that was written, as a string.</summary>
    public string? Id { get; set; }

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
