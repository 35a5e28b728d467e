namespace BaaS;

/// <summary>
/// Declares the data models a hand-written write changes, so its call drops the cached answers built from them
/// (<see cref="CacheResponseAttribute"/>) on every node once it has run: <c>[InvalidateResponses(typeof(MenuItem))]</c>.
/// AutoQuery's CRUD DTOs need none: their model is dropped by itself. The drop happens after the operation's
/// transaction (its own, a batch's or an <c>Idempotency-Key</c> call's) has committed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class InvalidateResponsesAttribute(params Type[] models) : Attribute
{
    /// <summary>The data models (or cached request DTOs) whose cached answers the call drops.</summary>
    public Type[] Models { get; } = models;
}
