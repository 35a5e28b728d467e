using BaaS.AutoQuery;
using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Files;

/// <summary>
/// What the job that makes image variants needs from the files feature: the original's content, the variants its
/// location declares, a place to store each variant (beside the original: <c>x.png</c> gets <c>x.thumb.webp</c>), and the
/// row to tell. Resolve it from DI.
/// </summary>
public sealed class FileVariants
{
    private readonly FileService _files;
    private readonly IServiceProvider _services;

    internal FileVariants(FileService files, IServiceProvider services)
    {
        _files = files;
        _services = services;
    }

    /// <summary>The variants the request's location declares that the request asks for.</summary>
    public IReadOnlyList<ImageVariant> VariantsOf(FileVariantRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var location = _files.Locations.Find(request.Location);
        if (location is null) return [];
        return [.. location.Options.Variants.Where(v => request.Variants.Exists(t => t.Name.Equals(v.Name, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>The original image's content and length, or null when it is gone.</summary>
    public async Task<(Stream Content, long Length)?> OpenOriginalAsync(FileVariantRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_files.Locations.Find(request.Location) is not { } location || !FileKeys.IsSafeKey(request.Path)) return null;
        var stored = await location.Store.OpenAsync(location.KeyOf(request.Path), 0, null, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : (stored.Content, stored.Info.Length);
    }

    /// <summary>Stores a variant's bytes beside the original (owned by the original's owner); answers its URL.</summary>
    public async Task<string> StoreAsync(FileVariantRequest request, ImageVariant variant, Stream content, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(variant);
        var location = _files.Locations.Find(request.Location) ?? throw new InvalidOperationException($"There is no file location '{request.Location}'.");
        var original = await location.Store.GetInfoAsync(location.KeyOf(request.Path), cancellationToken).ConfigureAwait(false);
        var path = FileService.VariantPath(request.Path, variant);
        var info = new StoredObjectInfo(variant.ContentType, length, "", _files.Clock.GetUtcNow(), original?.OwnerId, original?.OriginalName);
        await location.Store.PutAsync(location.KeyOf(path), content, length, info, cancellationToken).ConfigureAwait(false);
        return _files.Urls.Of(location.Name, path);
    }

    /// <summary>Deletes one stored variant (made for a row that no longer holds its original).</summary>
    public Task DeleteAsync(string url, CancellationToken cancellationToken) =>
        _files.Urls.Parse(url) is var (location, path) && _files.Locations.Find(location) is { } found
            ? found.Store.DeleteAsync(found.KeyOf(path), cancellationToken)
            : Task.CompletedTask;

    /// <summary>
    /// Writes <paramref name="url"/> into the variant's column of the request's row, only while the row still holds the
    /// original's URL; false when it does not (replaced or deleted meanwhile), or when there is no column to write. With
    /// response caching on, the cached answers built from the row's model are dropped after the write.
    /// </summary>
    public async Task<bool> SetColumnAsync(FileVariantRequest request, FileVariantTarget target, string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Column is null || request.ModelType is null || request.RowId is null || request.FileColumn is null) return false;
        var modelType = Type.GetType(request.ModelType, throwOnError: true)!;
        var db = await _services.GetRequiredService<IDbConnectionFactory>().OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var method = typeof(FileVariants).GetMethod(nameof(SetTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(modelType);
            var updated = await ((Task<int>)method.Invoke(null, [db, request, target.Column, url, cancellationToken])!).ConfigureAwait(false);
            if (updated == 0) return false;
        }
        // The write bypasses AutoQuery, so cached answers built from the model (a public menu) are dropped here, or they
        // would show the row without its variant until they expire.
        if (_services.GetService<IResponseCache>() is { } cache)
            await cache.InvalidateAsync(modelType, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static Task<int> SetTypedAsync<TModel>(DataConnection db, FileVariantRequest request, string column, string url, CancellationToken ct)
        where TModel : class, new()
    {
        var model = ModelDefinition.For(typeof(TModel));
        var key = model.GetPrimaryKey();
        var field = model.FindField(column) ?? throw new InvalidOperationException($"{model.Name} has no field '{column}'.");
        var row = new TModel();
        field.SetValue(row, url);
        var q = db.From<TModel>()
            .AddCondition(QueryTerm.And, key.Name, SqlOperator.Equal, ValueConverter.To(key.ValueType, request.RowId, key.Name))
            .AddCondition(QueryTerm.And, request.FileColumn!, SqlOperator.Equal, request.Url);
        return db.UpdateOnlyAsync(row, [field.Name], q, ct);
    }
}
