namespace BaaS;

/// <summary>
/// On an AutoQuery CRUD request DTO: after a successful write (once it has committed), publish a server event of
/// <see cref="EventType"/>, built from the written row (same-named properties copied), to the channel or the user that
/// <see cref="Channel"/> or <see cref="User"/> names from the row's properties.
/// <code>
/// [PublishEvent(typeof(OrderStatusChanged), Channel = "order-{Id}")]
/// [PublishEvent(typeof(OrderStatusChanged), User = "{CustomerId}")]
/// public class UpdateOrderStatus : IPatchDb&lt;Order&gt;, IReturn&lt;IdResponse&gt; { ... }
/// </code>
/// A delete builds the event from the row as it was before the write (or, deleting by a filter, from the request).
/// The message's selector is <c>cmd.{EventType name}</c>. Several attributes publish several events.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class PublishEventAttribute(Type eventType) : Attribute
{
    /// <summary>The message DTO published; a class with a public parameterless constructor.</summary>
    public Type EventType { get; } = eventType;

    /// <summary>The channel, with <c>{Property}</c> placeholders filled from the row (e.g. <c>order-{Id}</c>).</summary>
    public string? Channel { get; set; }

    /// <summary>The user id to notify (all of that user's subscriptions), from the row (e.g. <c>{CustomerId}</c>).</summary>
    public string? User { get; set; }
}
