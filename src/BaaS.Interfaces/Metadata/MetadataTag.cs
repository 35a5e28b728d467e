namespace BaaS.Metadata;

/// <summary>A tag that groups operations (<see cref="TagAttribute"/>), with what its declarations say of it.</summary>
public class MetadataTag
{
    /// <summary>The tag's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the tag's operations are for.</summary>
    public string? Description { get; set; }

    /// <summary>The tag's icon: a built-in icon's name.</summary>
    public string? Icon { get; set; }
}
