using BaaS.Formats;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BaaS.Security;

/// <summary>
/// Refuses a request whose path and query string are longer than <see cref="BaaSOptions.MaxUrlLength"/> with 414
/// <c>UrlTooLong</c> and a ResponseStatus naming the longest query parameter (where the length usually is), before
/// routing or binding read any of it.
/// </summary>
internal sealed class UrlLengthMiddleware(RequestDelegate next, int maxLength)
{
    /// <summary>Kestrel's request-line limit as the platform sets it (64 KiB), above any allowed URL.</summary>
    public const int KestrelRequestLine = 64 * 1024;

    public const string ErrorCode = "UrlTooLong";

    private static readonly ResponseWriter Writer = new(Text.JsonProtocol.Options);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var length = (request.PathBase.Value?.Length ?? 0) + (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0);
        return length <= maxLength ? next(context) : RefuseAsync(context, length);
    }

    private Task RefuseAsync(HttpContext context, int length)
    {
        var field = LongestParameter(context.Request.QueryString.Value);
        var message = $"The URL is {length:N0} characters long; this server takes at most {maxLength:N0}" +
            (field is null ? "." : $": '{field}' is the longest part of the query string. Send large values in a POST body.");
        var status = new ResponseStatus(ErrorCode, message)
        {
            Errors = field is null ? [] : [new ResponseError(ErrorCode, field, message)],
        };
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return Writer.WriteJsonAsync(context, new ErrorResponse { ResponseStatus = status }, StatusCodes.Status414UriTooLong);
    }

    /// <summary>The name of the query parameter with the longest <c>name=value</c>, unescaped and clipped; null without one.</summary>
    internal static string? LongestParameter(string? query)
    {
        if (string.IsNullOrEmpty(query)) return null;
        var longest = "";
        foreach (var part in query.TrimStart('?').Split('&'))
        {
            if (part.Length > longest.Length) longest = part;
        }
        var name = longest.Split('=', 2)[0];
        if (name.Length == 0) return null;
        try
        {
            name = Uri.UnescapeDataString(name);
        }
        catch (UriFormatException)
        {
        }
        return name.Length > 100 ? name[..100] : name;
    }
}
