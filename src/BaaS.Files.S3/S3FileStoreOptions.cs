namespace BaaS.Files.S3;

/// <summary>
/// Where the S3-compatible store is and how to sign in to it: the <c>Files:S3</c> configuration section
/// (<c>ServiceUrl</c>, <c>Bucket</c>, <c>Region</c>, <c>AccessKey</c>, <c>SecretKey</c>, <c>Prefix</c>, <c>ForcePathStyle</c>). The
/// keys may also come from the environment (<c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>).
/// </summary>
public sealed class S3FileStoreOptions
{
    /// <summary>The service's address (<c>https://s3.eu-west-1.amazonaws.com</c>, a MinIO or other S3-compatible server); null for AWS by region.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The bucket that holds the files (it must exist).</summary>
    public string? Bucket { get; set; }

    /// <summary>The region (also the signing region of S3-compatible servers). Default: <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The access key id.</summary>
    public string? AccessKey { get; set; }

    /// <summary>The secret access key.</summary>
    public string? SecretKey { get; set; }

    /// <summary>A prefix before every key (<c>myapp/</c>), for a bucket shared by several apps. Default: none.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Path-style URLs (<c>host/bucket/key</c>), which S3-compatible servers need. Default: true when <see cref="ServiceUrl"/> is set.</summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>True when the section says enough to use S3 (a bucket).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Bucket);
}
