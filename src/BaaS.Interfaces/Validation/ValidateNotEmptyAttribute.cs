namespace BaaS;

/// <summary>Fails for null, empty or white-space text, an empty collection, and a value type's default (0, false). Code <c>NotEmpty</c>.</summary>
public sealed class ValidateNotEmptyAttribute : ValidateAttribute
{

}
