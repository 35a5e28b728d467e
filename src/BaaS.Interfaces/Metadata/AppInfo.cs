namespace BaaS.Metadata;

/// <summary>The app described by <see cref="AppMetadata"/>.</summary>
public class AppInfo
{
    /// <summary>The app's name, from <c>BaaSOptions.ServiceName</c>.</summary>
    public string ServiceName { get; set; } = "";

    /// <summary>The framework's version.</summary>
    public string Version { get; set; } = "";

    /// <summary>The path prefix of the predefined routes, e.g. <c>/api</c>.</summary>
    public string ApiBasePath { get; set; } = "/api";

    /// <summary>The response formats beside JSON that list responses can be asked for, e.g. <c>csv</c>, <c>jsonl</c>.</summary>
    public List<string> Formats { get; set; } = [];
}
