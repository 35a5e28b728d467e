using System.Reflection;

namespace BaaS;

/// <summary>
/// One served request DTO: its response type, the invoker for each verb, its routes and tags. Built once at startup
/// and read by routing, the metadata and every feature; immutable afterwards.
/// </summary>
public sealed class Operation
{
    internal Operation(Type requestType, Type? responseType, IReadOnlyDictionary<string, OperationInvoker> invokers,
        IReadOnlyList<string> actions, Type? serviceType, Type? dataModel)
    {
        RequestType = requestType;
        ResponseType = responseType;
        Invokers = invokers;
        Actions = actions;
        ServiceType = serviceType;
        DataModel = dataModel;
        Name = requestType.Name;
        ReturnsVoid = responseType is null;
        PreferredVerb = HttpVerbs.Preferred(requestType);
        Routes = [.. requestType.GetCustomAttributes<RouteAttribute>(true)];
        Tags = [.. requestType.GetCustomAttributes<TagAttribute>(true).Select(t => t.Name).Distinct()];
        ExcludeFromMetadata = requestType.IsDefined(typeof(ExcludeMetadataAttribute), false);
    }

    /// <summary>The request DTO's name: the path segment of <c>/api/{Name}</c>.</summary>
    public string Name { get; }

    /// <summary>The request DTO type.</summary>
    public Type RequestType { get; }

    /// <summary>The response DTO type, or null when the operation answers no body (204).</summary>
    public Type? ResponseType { get; }

    /// <summary>True when the operation answers no body.</summary>
    public bool ReturnsVoid { get; }

    /// <summary>The invoker for each verb the operation answers (an <c>Any</c> method fills every verb).</summary>
    public IReadOnlyDictionary<string, OperationInvoker> Invokers { get; }

    /// <summary>The verbs as the service declares them: <c>GET</c>, <c>POST</c>, ... or <c>ANY</c>.</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>The verb clients send it with: the DTO's <see cref="IVerb"/> marker, else POST.</summary>
    public string PreferredVerb { get; }

    /// <summary>The DTO's <see cref="RouteAttribute"/>s.</summary>
    public IReadOnlyList<RouteAttribute> Routes { get; }

    /// <summary>The DTO's tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The hand-written service class, or null for generated operations.</summary>
    public Type? ServiceType { get; }

    /// <summary>The data model a generated operation works on, or null.</summary>
    public Type? DataModel { get; }

    /// <summary>True when the DTO has <see cref="ExcludeMetadataAttribute"/>.</summary>
    public bool ExcludeFromMetadata { get; }

    /// <inheritdoc />
    public override string ToString() => RequestType.FullName ?? Name;
}
