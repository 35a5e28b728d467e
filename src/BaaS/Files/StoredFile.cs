namespace BaaS.Files;

/// <summary>A file the files feature stored: where it is, the URL it is served at, and what is known of it.</summary>
public sealed class StoredFile
{
    /// <summary>The location it was stored in.</summary>
    public required string Location { get; init; }

    /// <summary>Its path inside the location (<c>restaurants/1/3f2a....png</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The URL it is served at, relative to the site (<c>/files/menu-photos/restaurants/1/3f2a....png</c>): what a row stores.</summary>
    public required string Url { get; init; }

    /// <summary>The content type found in its bytes.</summary>
    public required string ContentType { get; init; }

    /// <summary>Its length in bytes.</summary>
    public long Length { get; init; }

    /// <summary>Its entity tag.</summary>
    public string? ETag { get; init; }

    /// <summary>When it was stored.</summary>
    public DateTimeOffset LastModified { get; init; }

    /// <summary>The id of the user who uploaded it, or null.</summary>
    public string? OwnerId { get; init; }

    /// <summary>The sender's file name, cleaned (metadata only).</summary>
    public string? OriginalName { get; init; }
}
