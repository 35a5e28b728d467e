using BaaS.Errors;

namespace BaaS;

/// <summary>The tag names of operation spans and metrics, and their values.</summary>
internal static class OperationTags
{
    public const string Operation = "baas.operation";
    public const string Kind = "baas.operation.kind";
    public const string Method = "http.request.method";
    public const string StatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";
    public const string UserId = "enduser.id";
    public const string BatchIndex = "baas.batch.index";
    public const string BatchSize = "baas.batch.size";

    private static readonly ErrorMapper Errors = new(includeDetails: false);

    // Boxed once: a status tag allocates nothing per call.
    private static readonly object[] Statuses = [.. Enumerable.Range(0, 600).Select(s => (object)s)];

    public static string KindOf(OperationKind kind) => kind switch
    {
        OperationKind.Http => "http",
        OperationKind.Batch => "batch",
        _ => "gateway",
    };

    public static object Status(int status) => (uint)status < (uint)Statuses.Length ? Statuses[status] : status;

    /// <summary>
    /// What a failed call's <c>error.type</c> says: the error code its <c>ResponseStatus</c> carried, except for an
    /// unexpected failure, which clients see as <c>InternalServerError</c> and operators as the exception's type
    /// (OpenTelemetry's convention); a failure without an exception (a 4xx <see cref="HttpResult"/>) says its status code.
    /// Null below 400.
    /// </summary>
    public static string? ErrorTypeOf(OperationContext context, int status)
    {
        if (status < 400) return null;
        if (context.Exception is not { } exception) return status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var code = Errors.Map(exception).Status.ErrorCode;
        return code is null or "InternalServerError" ? exception.GetType().FullName : code;
    }
}
