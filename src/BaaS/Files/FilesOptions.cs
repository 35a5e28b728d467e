namespace BaaS.Files;

/// <summary>
/// The files feature's options (<c>AddFiles(o =&gt; ...)</c>, and the <c>Files</c> configuration section): the upload
/// locations, where the local store keeps files, the URL prefix files are served under, and the key that signs
/// short-lived URLs. Read once at startup.
/// </summary>
public sealed class FilesOptions
{
    /// <summary>The upload locations, by name.</summary>
    public List<FileLocation> Locations { get; } = [];

    /// <summary>The store locations use when they name none: <c>local</c> (the default), or <c>s3</c> once <c>AddFilesS3</c> found its settings.</summary>
    public string DefaultStore { get; set; } = LocalFileStore.StoreName;

    /// <summary>The folder of the local store, relative to the content root when not absolute. Default: <c>App_Data/files</c>.</summary>
    public string LocalPath { get; set; } = Path.Combine("App_Data", "files");

    /// <summary>
    /// Where uploads wait while their request runs (each removed when the request ends, whatever happened). Default: a
    /// <c>baas-uploads</c> folder in the system's temporary folder.
    /// </summary>
    public string? TempPath { get; set; }

    /// <summary>The URL prefix files are served under: <c>GET {RoutePrefix}/{location}/{path}</c>. Default: <c>/files</c>.</summary>
    public string RoutePrefix { get; set; } = "/files";

    /// <summary>
    /// The secret that signs short-lived URLs of private files (HMAC-SHA256), at least 32 characters; every node of an
    /// app must share it. Read from <c>Files:SigningKey</c>. Without one, Development makes a random key per process;
    /// elsewhere an app with a non-public location does not start.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a signed URL works when the caller does not say. Default: 15 minutes.</summary>
    public TimeSpan SignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest a signed URL may work. Default: 7 days.</summary>
    public TimeSpan MaxSignedUrlLifetime { get; set; } = TimeSpan.FromDays(7);
}
