namespace BaaS;

/// <summary>
/// A URL that serves the request DTO, beside the always-present <c>/api/{Name}</c>:
/// <c>[Route("/orders/{Id}", "GET PATCH")]</c>. Path variables fill the DTO's properties of that name
/// (case-insensitive); <c>{Path*}</c> captures the rest of the path. Without verbs the route answers every verb the
/// service implements.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class RouteAttribute : Attribute
{
    /// <summary>A route answering every verb the service implements.</summary>
    public RouteAttribute(string path) : this(path, null) { }

    /// <summary>A route answering the listed verbs, separated by spaces or commas: <c>"GET POST"</c>.</summary>
    public RouteAttribute(string path, string? verbs)
    {
        Path = path;
        Verbs = verbs;
    }

    /// <summary>The path template, e.g. <c>/restaurants/{Id}/menu</c>.</summary>
    public string Path { get; }

    /// <summary>The verbs, e.g. <c>"GET POST"</c>, or null for all the service implements.</summary>
    public string? Verbs { get; }

    /// <summary>A one-line summary shown in the metadata and OpenAPI.</summary>
    public string? Summary { get; set; }

    /// <summary>Longer notes shown in the metadata and OpenAPI.</summary>
    public string? Notes { get; set; }
}
