using System.Buffers;
using BaaS.Binding;
using BaaS.Reflection;
using Microsoft.AspNetCore.Http;

namespace BaaS.Files;

/// <summary>
/// Receives the file parts of multipart requests for the binder: each file property's location is found at startup
/// (<see cref="UploadToAttribute"/>), and each part is checked against it while it streams to a temporary file.
/// </summary>
internal sealed class UploadReceiver(FileLocations locations, TemporaryUploads temporary) : IUploadReceiver
{
    public IUploadTarget TargetFor(Type dtoType, PropertyModel property)
    {
        var name = property.GetAttribute<UploadToAttribute>()?.Location ?? throw new InvalidOperationException(
            $"{dtoType.Name}.{property.Name} is a file without a location: add [UploadTo(\"location\")] naming one of the registered file locations.");
        var location = locations.Get(name, $"{dtoType.Name}.{property.Name}");
        location.TemplateFor(dtoType); // a placeholder the DTO lacks fails startup, not the first upload
        return new Target(location, temporary);
    }

    private sealed class Target(ResolvedLocation location, TemporaryUploads temporary) : IUploadTarget
    {
        public long MaxBytes => location.Options.MaxBytes;

        public async Task<UploadedFile> ReceiveAsync(HttpContext context, string field, string? fileName, string? contentType, Stream content)
        {
            // Refused before a byte of the file is read: a caller who may not write here never gets to send it.
            FileRules.CheckWrite(location, context.User, field);
            var path = temporary.Create(context);
            var ok = false;
            try
            {
                var inspector = new ContentInspector();
                long total;
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
                    total = await CopyAsync(content, file, inspector, field, context.RequestAborted).ConfigureAwait(false);
                ok = true;
                // An empty part (a browser's empty file input) has no type: the binder drops it, or SaveAsync refuses it.
                if (total == 0) return new UploadedFile(fileName ?? "", contentType, 0, _ => Open(path));
                ok = false;
                var type = await Choose(location, inspector, contentType, fileName, field, ct => Open(path), context.RequestAborted).ConfigureAwait(false);
                ok = true;
                return new UploadedFile(fileName ?? "", contentType, total, _ => Open(path))
                {
                    DetectedContentType = type.ContentType,
                    Extension = type.Extension,
                };
            }
            finally
            {
                if (!ok) TemporaryUploads.Delete(path); // a refused part leaves nothing behind, at once
            }
        }

        private async Task<long> CopyAsync(Stream from, Stream to, ContentInspector inspector, string field, CancellationToken cancellationToken)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                long total = 0;
                int read;
                while ((read = await from.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    // Stop at the first byte past the limit: the rest of the part is never read.
                    if (total > MaxBytes) throw FileErrors.TooLarge(field, MaxBytes);
                    inspector.Append(buffer.AsSpan(0, read));
                    await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
                return total;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>The first type the bytes may be that the location allows; 415 naming the field otherwise.</summary>
    internal static async Task<DetectedType> Choose(ResolvedLocation location, ContentInspector inspector, string? declaredType, string? fileName, string field,
        Func<CancellationToken, ValueTask<Stream>> reopen, CancellationToken cancellationToken)
    {
        var types = await inspector.FinishAsync(declaredType, fileName, reopen, cancellationToken).ConfigureAwait(false);
        if (types[0] == DetectedType.Executable)
            throw FileErrors.WrongType(field, "The file is a program (an executable), which is never accepted.");
        return types.FirstOrDefault(t => location.Options.Allows(t.ContentType)) ?? throw FileErrors.WrongType(field,
            $"'{field}' must be {string.Join(", ", location.Options.AllowedTypes)}: its content is {types[0].ContentType}.");
    }

    private static ValueTask<Stream> Open(string path) => ValueTask.FromResult<Stream>(
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan));
}
