namespace BaaS.Data;

/// <summary>
/// A value that cannot be converted to its field's type, or an operator that does not apply to the field
/// (e.g. <c>'abc'</c> for an int field, <c>StartsWith</c> on a number). HTTP 400, error code <c>InvalidValue</c>.
/// </summary>
public sealed class InvalidFieldValueException : ArgumentException, IHasStatusCode, IHasErrorCode, IResponseStatusConvertible
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fieldName">The C# property name of the field.</param>
    /// <param name="message">What is wrong, without echoing a long value.</param>
    /// <param name="innerException">The conversion error, if any.</param>
    public InvalidFieldValueException(string fieldName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FieldName = fieldName;
    }

    /// <summary>The C# property name of the field.</summary>
    public string FieldName { get; }

    /// <summary>400.</summary>
    public int StatusCode => 400;

    /// <summary><c>InvalidValue</c>.</summary>
    public string ErrorCode => "InvalidValue";

    /// <summary>One field error naming the field.</summary>
    public ResponseStatus ToResponseStatus() => new(ErrorCode, Message)
    {
        Errors = [new ResponseError(ErrorCode, FieldName, Message)],
    };
}
