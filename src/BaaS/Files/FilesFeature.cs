using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Files;

/// <summary>
/// File uploads as a feature (added by <c>AddFiles</c>): the <see cref="SignFileUrl"/> operation, the filter that
/// removes the files of failed calls, the endpoint that serves files, and <c>plugins.files</c> in the metadata.
/// </summary>
internal sealed class FilesFeature : BaaSFeature
{
    public override string Id => "files";

    public override IEnumerable<Type> ServiceTypes => [typeof(SignFileUrlService)];

    public override IEnumerable<IOperationFilter> CreateFilters(IServiceProvider services) => [new FilesFilter()];

    public override void MapEndpoints(IEndpointRouteBuilder endpoints, Hosting.BaaSHost host)
    {
        var files = endpoints.ServiceProvider.GetRequiredService<FileService>();
        var endpoint = new FileEndpoint(files);
        endpoints.MapMethods(files.Urls.Prefix + "/{location}/{**path}", [HttpMethodsGet, HttpMethodsHead], endpoint.HandleAsync)
            .WithDisplayName("BaaS files");
    }

    private const string HttpMethodsGet = "GET";
    private const string HttpMethodsHead = "HEAD";

    public override object? Describe(IServiceProvider services, OperationCatalog catalog)
    {
        var files = services.GetRequiredService<FileService>();
        var locations = files.Locations;
        return new FilesFeatureInfo(
            files.Urls.Prefix,
            locations.Options.DefaultStore,
            [.. locations.All.Select(l => new FileLocationInfo(
                l.Name, l.Store.Name, l.Store.Kind, l.Options.PathTemplate, [.. l.Options.AllowedTypes], l.Options.MaxBytes,
                l.Options.Read.Text, l.Options.Write.Text, l.Options.CacheSeconds,
                l.Options.Variants.Count == 0 ? null : [.. l.Options.Variants.Select(v => new ImageVariantInfo(v.Name, v.MaxWidth, v.MaxHeight, v.Format.ToString(), v.Quality))]))],
            FileColumns.Describe(catalog, locations));
    }
}

/// <summary>What <c>plugins.files</c> says: never a path on disk, a host or a credential.</summary>
/// <param name="Path">The URL prefix files are served under.</param>
/// <param name="DefaultStore">The store of locations that name none.</param>
/// <param name="Locations">The upload locations.</param>
/// <param name="Columns">The data models' columns that hold file URLs (written by AutoQuery), with their variants' columns.</param>
internal sealed record FilesFeatureInfo(string Path, string DefaultStore, List<FileLocationInfo> Locations, List<FileColumnInfo> Columns);

/// <summary>One location in <c>plugins.files</c>.</summary>
internal sealed record FileLocationInfo(string Name, string Store, string StoreKind, string PathTemplate, List<string> AllowedTypes, long MaxBytes,
    string Read, string Write, int CacheSeconds, List<ImageVariantInfo>? Variants);

/// <summary>One image variant in <c>plugins.files</c>.</summary>
internal sealed record ImageVariantInfo(string Name, int MaxWidth, int MaxHeight, string Format, int Quality);
