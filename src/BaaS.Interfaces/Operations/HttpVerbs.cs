namespace BaaS;

/// <summary>The HTTP methods an operation can answer, and how request DTOs name them.</summary>
public static class HttpVerbs
{
    /// <summary>GET</summary>
    public const string Get = "GET";
    /// <summary>POST</summary>
    public const string Post = "POST";
    /// <summary>PUT</summary>
    public const string Put = "PUT";
    /// <summary>PATCH</summary>
    public const string Patch = "PATCH";
    /// <summary>DELETE</summary>
    public const string Delete = "DELETE";

    /// <summary>The verbs a service method named <c>Any</c> answers.</summary>
    public static IReadOnlyList<string> All { get; } = [Get, Post, Put, Patch, Delete];

    /// <summary>True for verbs whose request carries a body (POST, PUT, PATCH).</summary>
    public static bool HasBody(string verb) =>
        verb is Post or Put or Patch;

    /// <summary>
    /// The verb a request DTO type declares through <see cref="IGet"/>, <see cref="IPost"/>, ... or null when it
    /// declares none.
    /// </summary>
    public static string? FromMarker(Type requestType)
    {
        if (typeof(IGet).IsAssignableFrom(requestType)) return Get;
        if (typeof(IPost).IsAssignableFrom(requestType)) return Post;
        if (typeof(IPut).IsAssignableFrom(requestType)) return Put;
        if (typeof(IPatch).IsAssignableFrom(requestType)) return Patch;
        if (typeof(IDelete).IsAssignableFrom(requestType)) return Delete;
        return null;
    }

    /// <summary>
    /// The verb clients send a request DTO with: its marker; else GET for queries, PUT for updates, PATCH for patches,
    /// DELETE for deletes (AutoQuery's interfaces); else POST.
    /// </summary>
    public static string Preferred(Type requestType) => FromMarker(requestType) ?? requestType switch
    {
        _ when typeof(IQuery).IsAssignableFrom(requestType) => Get,
        _ when Implements(requestType, typeof(IUpdateDb<>)) => Put,
        _ when Implements(requestType, typeof(IPatchDb<>)) => Patch,
        _ when Implements(requestType, typeof(IDeleteDb<>)) => Delete,
        _ => Post,
    };

    private static bool Implements(Type type, Type genericInterface) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == genericInterface);
}
