namespace BaaS;

/// <summary>An error of one field of a request: <c>{ "errorCode", "fieldName", "message" }</c>.</summary>
public class ResponseError
{
    /// <summary>Creates an empty field error.</summary>
    public ResponseError() { }

    /// <summary>Creates a field error.</summary>
    public ResponseError(string errorCode, string fieldName, string message)
    {
        ErrorCode = errorCode;
        FieldName = fieldName;
        Message = message;
    }

    /// <summary>A machine-readable code, e.g. <c>NotEmpty</c>, <c>InvalidValue</c>, <c>Unique</c>.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>The request property this error is about, as the DTO declares it (e.g. <c>Name</c>).</summary>
    public string? FieldName { get; set; }

    /// <summary>A message for people.</summary>
    public string? Message { get; set; }

    /// <summary>Any extra data about the error.</summary>
    public Dictionary<string, string>? Meta { get; set; }
}
