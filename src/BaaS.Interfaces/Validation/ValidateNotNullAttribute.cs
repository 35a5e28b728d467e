namespace BaaS;

/// <summary>Fails for null. Code <c>NotNull</c>.</summary>
public sealed class ValidateNotNullAttribute : ValidateAttribute
{

}
