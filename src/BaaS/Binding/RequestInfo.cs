using Microsoft.AspNetCore.Http;

namespace BaaS;

/// <summary>
/// What the framework knows of the request being served: the operation, the bound DTO, and which DTO properties the
/// caller actually sent (a PATCH writes only those). Read it with <c>HttpContext.GetRequestInfo()</c>.
/// </summary>
public sealed class RequestInfo
{
    private readonly bool[] _sent;
    private readonly IReadOnlyList<string> _propertyNames;

    internal RequestInfo(Operation operation, string verb, object dto, bool[] sent, IReadOnlyList<string> propertyNames,
        IReadOnlyDictionary<string, string>? unmatchedQuery)
    {
        Operation = operation;
        Verb = verb;
        Dto = dto;
        _sent = sent;
        _propertyNames = propertyNames;
        UnmatchedQuery = unmatchedQuery ?? EmptyQuery;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyQuery = new Dictionary<string, string>();

    /// <summary>The operation being served.</summary>
    public Operation Operation { get; }

    /// <summary>The HTTP verb of the request.</summary>
    public string Verb { get; }

    /// <summary>The bound request DTO.</summary>
    public object Dto { get; }

    /// <summary>Query-string and form keys that named no DTO property, with their values.</summary>
    public IReadOnlyDictionary<string, string> UnmatchedQuery { get; }

    /// <summary>True when the caller sent the property (in the body, query string, form or route), even as null.</summary>
    public bool WasSent(string propertyName)
    {
        for (var i = 0; i < _propertyNames.Count; i++)
            if (string.Equals(_propertyNames[i], propertyName, StringComparison.OrdinalIgnoreCase)) return _sent[i];
        return false;
    }

    /// <summary>The names of the DTO properties the caller sent, as declared.</summary>
    public IEnumerable<string> SentFields
    {
        get
        {
            for (var i = 0; i < _sent.Length; i++)
                if (_sent[i]) yield return _propertyNames[i];
        }
    }
}

/// <summary>Access to <see cref="RequestInfo"/> from an <see cref="HttpContext"/>.</summary>
public static class RequestInfoExtensions
{
    /// <summary>The current request's <see cref="RequestInfo"/>, or null outside a BaaS operation (or before binding).</summary>
    public static RequestInfo? GetRequestInfo(this HttpContext context) => context.Features.Get<RequestInfo>();
}
