namespace BaaS.Metadata;

/// <summary>A route of an operation.</summary>
public class MetadataRoute
{
    /// <summary>The path template, e.g. <c>/orders/{Id}</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary>The verbs, comma separated, or null for every verb the service implements.</summary>
    public string? Verbs { get; set; }

    /// <summary>A one-line summary.</summary>
    public string? Summary { get; set; }

    /// <summary>Longer notes.</summary>
    public string? Notes { get; set; }
}
