namespace BaaS;

/// <summary>
/// Names the upload location a file property of a request DTO stores into (<c>[UploadTo("menu-photos")]</c>): the
/// location, registered with <c>AddFiles</c> in code or configuration, decides the store, the path, the allowed
/// content types, the size limit and who may read and write. A file property without it, or naming a location that is
/// not registered, fails startup.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class UploadToAttribute(string location) : Attribute
{
    /// <summary>The location's name.</summary>
    public string Location { get; } = location;
}
