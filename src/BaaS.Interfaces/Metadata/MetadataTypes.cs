namespace BaaS.Metadata;

/// <summary>Operations and the types they use.</summary>
public class MetadataTypes
{
    /// <summary>The .NET namespaces of the listed types.</summary>
    public List<string> Namespaces { get; set; } = [];

    /// <summary>Every DTO, model and enum reachable from an operation, generic definitions once each.</summary>
    public List<MetadataType> Types { get; set; } = [];

    /// <summary>One entry per request DTO that is served.</summary>
    public List<MetadataOperationType> Operations { get; set; } = [];
}
