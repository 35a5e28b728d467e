using BaaS.Data;

namespace BaaS.Files;

/// <summary>
/// Queues the making of an image's variants in the transaction that writes its row, so the job exists exactly when the
/// row does. <c>BaaS.Files.Images</c> registers the one that queues a BaaS.Jobs command; a location that declares
/// variants in an app without one fails startup.
/// </summary>
public interface IFileVariantScheduler
{
    /// <summary>Queues the job in <paramref name="db"/>'s open transaction; <paramref name="services"/> is the request's scope.</summary>
    Task ScheduleAsync(IServiceProvider services, DataConnection db, FileVariantRequest request, CancellationToken cancellationToken);
}

/// <summary>Which variants to make of which stored image, and which row to tell when they are made.</summary>
public sealed class FileVariantRequest
{
    /// <summary>The location of the original.</summary>
    public string Location { get; set; } = "";

    /// <summary>The original's path in the location.</summary>
    public string Path { get; set; } = "";

    /// <summary>The original's URL, as its row stores it (the row is told only while it still holds this URL).</summary>
    public string Url { get; set; } = "";

    /// <summary>The row's model type (assembly-qualified name), or null when no row is to be told.</summary>
    public string? ModelType { get; set; }

    /// <summary>The row's primary key, as text.</summary>
    public string? RowId { get; set; }

    /// <summary>The model column that holds <see cref="Url"/>.</summary>
    public string? FileColumn { get; set; }

    /// <summary>The variants to make: each variant's name and the column (or null) that receives its URL.</summary>
    public List<FileVariantTarget> Variants { get; set; } = [];
}

/// <summary>One variant of a <see cref="FileVariantRequest"/>.</summary>
public sealed class FileVariantTarget
{
    /// <summary>The variant's name, as the location declares it.</summary>
    public string Name { get; set; } = "";

    /// <summary>The model column that receives the variant's URL, or null.</summary>
    public string? Column { get; set; }
}
