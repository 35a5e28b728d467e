namespace BaaS;

/// <summary>Fails for text that is not an email address (one @, with text on both sides, no spaces). Code <c>Email</c>.</summary>
public sealed class ValidateEmailAttribute : ValidateAttribute
{

}
