namespace BaaS;

/// <summary>
/// The base of declarative validation attributes on request DTO properties. Rules run after binding and before the
/// service, on every path; every failure comes back at once as a field error in one 400 <see cref="ResponseStatus"/>.
/// Rules other than <see cref="ValidateNotNullAttribute"/> and <see cref="ValidateNotEmptyAttribute"/> pass a null value.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = true)]
public abstract class ValidateAttribute : Attribute
{
    /// <summary>A message to use instead of the rule's own; <c>{PropertyName}</c> is replaced by the property's name.</summary>
    public string? Message { get; set; }

    /// <summary>An error code to use instead of the rule's own.</summary>
    public string? ErrorCode { get; set; }
}
