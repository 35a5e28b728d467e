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

    /// <summary>The tags the operations use, in name order, with the description and icon their declarations give.</summary>
    public List<MetadataTag>? Tags { get; set; }
}
