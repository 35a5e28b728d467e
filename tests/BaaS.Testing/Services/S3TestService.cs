namespace BaaS.Testing;

/// <summary>
/// The test run's S3-compatible server (npm s3rver, started by <c>s3_start</c> in .ci/services.sh): its address
/// (<c>http://127.0.0.1:PORT</c>) in <c>BAAS_TEST_S3</c>, with the bucket <see cref="Bucket"/> made at start. Suites share
/// it: give each its own key prefix.
/// </summary>
public sealed class S3TestService : TestService
{
    /// <summary>The bucket the script creates.</summary>
    public const string Bucket = "baas-tests";

    /// <summary>s3rver's fixed access key.</summary>
    public const string AccessKey = "S3RVER";

    /// <summary>s3rver's fixed secret key.</summary>
    public const string SecretKey = "S3RVER";

    /// <summary>The one instance.</summary>
    public static S3TestService Instance { get; } = new();

    private S3TestService() { }

    /// <inheritdoc />
    public override string Name => "S3 (s3rver)";

    /// <inheritdoc />
    public override string EnvironmentVariable => "BAAS_TEST_S3";

    /// <inheritdoc />
    public override string StartFunction => "s3_start";
}
