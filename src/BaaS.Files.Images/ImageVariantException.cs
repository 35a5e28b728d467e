namespace BaaS.Files.Images;

/// <summary>
/// An image its variants cannot be made of (not an image, corrupt, or too large to decode safely): it fails the job at
/// once, since retrying cannot help (it carries a 4xx status, which BaaS.Jobs does not retry).
/// </summary>
public sealed class ImageVariantException(string errorCode, string message) : Exception(message), IHasStatusCode, IHasErrorCode
{
    /// <inheritdoc />
    public int StatusCode => 422;

    /// <inheritdoc />
    public string ErrorCode { get; } = errorCode;
}
