namespace BaaS;

/// <summary>The answer of <see cref="UpdateEventSubscriber"/>.</summary>
public class UpdateEventSubscriberResponse : IHasResponseStatus
{
    /// <summary>The subscription's channels after the change.</summary>
    public List<string> Channels { get; set; } = [];

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
