namespace BaaS.Metadata;

/// <summary>
/// The document at <c>/metadata/app.json</c>: the app and every operation and type it serves. Built once at startup;
/// OpenAPI and the native-types generators read it (as will the Admin UI and API Explorer, which are not built yet).
/// See docs/metadata.md.
/// </summary>
public class AppMetadata
{
    /// <summary>The app itself.</summary>
    public AppInfo App { get; set; } = new();

    /// <summary>Every operation and every type reachable from them.</summary>
    public MetadataTypes Api { get; set; } = new();

    /// <summary>
    /// What each feature tells clients about itself, by the feature's id (e.g. <c>autoQuery</c>: its limits; <c>auth</c>: its
    /// providers and roles). Each value is a JSON object whose shape the feature documents.
    /// </summary>
    public Dictionary<string, object> Plugins { get; set; } = [];
}
