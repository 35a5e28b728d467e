namespace BaaS;

/// <summary>Keeps a request DTO (and its operation) out of the metadata and generated clients; it is still served.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ExcludeMetadataAttribute : Attribute;
