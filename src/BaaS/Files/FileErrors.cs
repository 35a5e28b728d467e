namespace BaaS.Files;

/// <summary>The refusals of uploads: 4xx answers naming the field.</summary>
internal static class FileErrors
{
    public static HttpError TooLarge(string field, long max)
    {
        var message = $"'{field}' is larger than the limit of {max:N0} bytes.";
        var error = new HttpError(413, "FileTooLarge", message);
        error.FieldErrors.Add(new ResponseError("FileTooLarge", field, message));
        return error;
    }

    public static HttpError WrongType(string field, string message)
    {
        var error = new HttpError(415, "UnsupportedFileType", message);
        error.FieldErrors.Add(new ResponseError("UnsupportedFileType", field, message));
        return error;
    }

    public static HttpError Unauthorized(string field, string location)
    {
        var message = $"Sign in to upload '{field}' (file location '{location}').";
        var error = new HttpError(401, "Unauthorized", message);
        error.FieldErrors.Add(new ResponseError("Unauthorized", field, message));
        return error;
    }

    public static HttpError Forbidden(string field, string location)
    {
        var message = $"You may not upload '{field}' to the file location '{location}'.";
        var error = new HttpError(403, "Forbidden", message);
        error.FieldErrors.Add(new ResponseError("Forbidden", field, message));
        return error;
    }
}
