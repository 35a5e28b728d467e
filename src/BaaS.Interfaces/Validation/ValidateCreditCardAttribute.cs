namespace BaaS;

/// <summary>Fails for text that is not a card number (13 to 19 digits, spaces and dashes allowed, Luhn checksum). Code <c>CreditCard</c>.</summary>
public sealed class ValidateCreditCardAttribute : ValidateAttribute
{

}
