using BaaS.Data;
using BaaS.Files;
using BaaS.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.AutoQuery;

/// <summary>
/// The file side of one CRUD call: stores the DTO's files before the row is written (their URLs go into the row),
/// remembers the files the row pointed to before (removed once the call succeeded), and queues the image variants of
/// new images in the row's transaction. A call that fails removes the files it stored (see <see cref="FilesFilter"/>).
/// </summary>
internal sealed class CrudFiles(CrudPlan plan, HttpContext context)
{
    private readonly FileService? _files = context.RequestServices.GetService<FileService>();
    private readonly List<(CrudField Field, StoredFile File)> _stored = [];
    private readonly List<string> _replaced = [];

    private FileService Files => _files ?? throw new InvalidOperationException(
        $"{plan.DtoType.Name} takes files, but the app does not: call services.AddFiles(...) (see docs/files.md).");

    /// <summary>
    /// Stores each sent file of the DTO and sets its field to the URL (null for an update without one); sets the fields of
    /// its variants to null, as the old variants go with the old file. Answers the names of the fields set.
    /// </summary>
    /// <param name="row">The row being written.</param>
    /// <param name="request">The DTO.</param>
    /// <param name="info">What the caller sent.</param>
    /// <param name="onlySent">A patch: only the files sent.</param>
    /// <param name="current">The row as it is (an update): path template values the DTO leaves null are read from it.</param>
    /// <param name="ct">The call's cancellation.</param>
    public async Task<List<string>> WriteAsync(object row, object request, RequestInfo? info, bool onlySent, object? current, CancellationToken ct)
    {
        Func<string, object?>? fallback = current is null ? null : name => plan.Model.FindField(name)?.GetValue(current);
        var names = new List<string>();
        foreach (var field in plan.FileFields)
        {
            var sent = info?.WasSent(field.PropertyName) ?? field.Get(request) is not null;
            if (onlySent && !sent) continue;
            string? url = null;
            if (field.Get(request) is UploadedFile file)
            {
                var stored = await Files.SaveAsync(context, field.FileLocation!, file, request, field.PropertyName, ct, fallback).ConfigureAwait(false);
                _stored.Add((field, stored));
                url = stored.Url;
            }
            field.Field.SetValue(row, url);
            names.Add(field.Field.Name);
            foreach (var (_, column) in VariantColumns(field))
            {
                if (column is null) continue;
                column.SetValue(row, null);
                names.Add(column.Name);
            }
        }
        return names;
    }

    /// <summary>Reads the URLs the row holds now in the fields this call replaces (before it writes them).</summary>
    public void RememberReplaced(object? oldRow, IReadOnlyCollection<string> written)
    {
        if (oldRow is null) return;
        foreach (var field in plan.FileFields)
        {
            if (!written.Contains(field.Field.Name)) continue;
            if (field.Field.GetValue(oldRow) is string url && url.Length > 0 && !_stored.Exists(s => s.File.Url == url)) _replaced.Add(url);
        }
    }

    /// <summary>Remembers the files of rows a hard delete removes.</summary>
    public void RememberDeleted(IEnumerable<object> rows)
    {
        foreach (var row in rows)
            foreach (var column in plan.ModelFiles)
                if (column.Field.GetValue(row) is string url && url.Length > 0) _replaced.Add(url);
    }

    /// <summary>
    /// After the row was written, in its transaction: the replaced files are removed once the call succeeds, and the
    /// variants of new images are queued.
    /// </summary>
    public async Task AfterWriteAsync(DataConnection db, object? rowId, CancellationToken ct)
    {
        if (_files is null) return;
        var scope = FileScope.Of(context);
        foreach (var url in _replaced) scope.DeleteWhenDone(url);
        if (_files.Locations.Scheduler is not { } scheduler || rowId is null) return;
        foreach (var (field, stored) in _stored)
        {
            if (!stored.ContentType.StartsWith("image/", StringComparison.Ordinal)) continue;
            var variants = VariantColumns(field);
            if (variants.Count == 0) continue;
            await scheduler.ScheduleAsync(context.RequestServices, db, new FileVariantRequest
            {
                Location = stored.Location,
                Path = stored.Path,
                Url = stored.Url,
                ModelType = plan.Model.ModelType.AssemblyQualifiedName,
                RowId = Convert.ToString(rowId, System.Globalization.CultureInfo.InvariantCulture),
                FileColumn = field.Field.Name,
                Variants = [.. variants.Select(v => new FileVariantTarget { Name = v.Variant.Name, Column = v.Column?.Name })],
            }, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The variants of a file field's location and the model column of each (<see cref="VariantOfAttribute"/>, else <c>{Field}{Variant}</c>).</summary>
    private List<(ImageVariant Variant, FieldDefinition? Column)> VariantColumns(CrudField field)
    {
        if (_files?.Locations.Find(field.FileLocation!) is not { } location) return [];
        return [.. location.Options.Variants.Select(v => (v, FileColumns.VariantColumn(plan.Model, field.Field.Name, v.Name)))];
    }
}
