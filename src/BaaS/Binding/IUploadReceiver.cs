using BaaS.Reflection;
using Microsoft.AspNetCore.Http;

namespace BaaS.Binding;

/// <summary>
/// The binder's seam to the files feature: a request DTO with <see cref="UploadedFile"/> properties is bound by
/// streaming each file part through the <see cref="IUploadTarget"/> of its property, which enforces the property's
/// location (size while streaming, content type from the bytes) and keeps the file in a temporary place until the
/// request ends. Registered by <c>AddFiles()</c>; a file property in an app without it fails startup.
/// </summary>
internal interface IUploadReceiver
{
    /// <summary>The target of one file property, worked out at startup; throws when its location is missing or unknown.</summary>
    IUploadTarget TargetFor(Type dtoType, PropertyModel property);
}

/// <summary>Where one file property's parts go.</summary>
internal interface IUploadTarget
{
    /// <summary>The most bytes one file may have.</summary>
    long MaxBytes { get; }

    /// <summary>
    /// Reads one file part to its end into a temporary file that is removed when the request ends, refusing (413 naming
    /// <paramref name="field"/>) at <see cref="MaxBytes"/> + 1 without reading further, and refusing a content type the
    /// location does not allow (415 naming the field). A refused part leaves no temporary file.
    /// </summary>
    Task<UploadedFile> ReceiveAsync(HttpContext context, string field, string? fileName, string? contentType, Stream content);
}
