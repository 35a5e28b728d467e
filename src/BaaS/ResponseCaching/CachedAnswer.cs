namespace BaaS.ResponseCaching;

/// <summary>An answer as the response cache keeps it: what the first call wrote, byte for byte.</summary>
/// <param name="Status">The HTTP status (2xx).</param>
/// <param name="ContentType">The content type the body was written with.</param>
/// <param name="Body">The body.</param>
/// <param name="ETag">The entity tag (quoted), a hash of the content type and body.</param>
/// <param name="Headers">Headers the service set on its <see cref="HttpResult"/> (never cookies or caching headers), or null.</param>
internal sealed record CachedAnswer(int Status, string ContentType, byte[] Body, string ETag, Dictionary<string, string>? Headers);
