namespace BaaS.Data;

/// <summary>
/// A field name that the model does not have, e.g. from a query string: <c>Order has no field 'Totl' (did you
/// mean 'Total'?)</c>. HTTP 400, error code <c>InvalidField</c>, naming the field.
/// </summary>
public sealed class UnknownFieldException : ArgumentException, IHasStatusCode, IHasErrorCode, IResponseStatusConvertible
{
    /// <summary>Creates the exception.</summary>
    /// <param name="modelName">The model (or models, for a join) that was searched.</param>
    /// <param name="fieldName">The name that was not found.</param>
    /// <param name="suggestion">The closest existing name, or null.</param>
    public UnknownFieldException(string modelName, string fieldName, string? suggestion)
        : base($"{modelName} has no field '{Shorten(fieldName)}'" + (suggestion != null ? $" (did you mean '{suggestion}'?)" : "."))
    {
        ModelName = modelName;
        FieldName = fieldName;
        Suggestion = suggestion;
    }

    /// <summary>The model (or models, for a join) that was searched.</summary>
    public string ModelName { get; }

    /// <summary>The name that was not found.</summary>
    public string FieldName { get; }

    /// <summary>The closest existing name, or null.</summary>
    public string? Suggestion { get; }

    /// <summary>400.</summary>
    public int StatusCode => 400;

    /// <summary><c>InvalidField</c>.</summary>
    public string ErrorCode => "InvalidField";

    /// <summary>One field error naming the unknown field.</summary>
    public ResponseStatus ToResponseStatus() => new(ErrorCode, Message)
    {
        Errors = [new ResponseError(ErrorCode, Shorten(FieldName), Message)],
    };

    // A hostile caller can send a megabyte of field name; the message only needs to show its start.
    private static string Shorten(string s) => s.Length <= 100 ? s : s[..100] + "...";
}
