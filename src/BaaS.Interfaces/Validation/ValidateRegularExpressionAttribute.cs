namespace BaaS;

/// <summary>
/// Fails unless the text matches <see cref="Pattern"/> (.NET regular expression, compiled once, evaluated with a
/// timeout so no input can make it run away). Code <c>RegularExpression</c>.
/// </summary>
public sealed class ValidateRegularExpressionAttribute(string pattern) : ValidateAttribute
{
    /// <summary>The pattern.</summary>
    public string Pattern { get; } = pattern;
}
