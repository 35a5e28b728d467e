using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace BaaS.Files;

/// <summary>The app's upload locations with their stores, checked once at startup.</summary>
internal sealed class FileLocations
{
    private readonly Dictionary<string, ResolvedLocation> _byName = new(StringComparer.OrdinalIgnoreCase);

    public FileLocations(IOptions<FilesOptions> options, IEnumerable<IFileStore> stores, IEnumerable<IFileVariantScheduler> schedulers)
    {
        Scheduler = schedulers.LastOrDefault();
        Options = options.Value;
        var byStore = new Dictionary<string, IFileStore>(StringComparer.OrdinalIgnoreCase);
        foreach (var store in stores) byStore[store.Name] = store;
        Stores = byStore;
        foreach (var location in Options.Locations)
        {
            if (!FileKeys.IsSafeSegment(location.Name) || location.Name.Contains('.', StringComparison.Ordinal))
                throw new InvalidOperationException($"File location '{location.Name}': a name is letters, digits, '-' and '_' (it is the first segment of its URLs).");
            var storeName = location.Store ?? Options.DefaultStore;
            if (!byStore.TryGetValue(storeName, out var chosen))
                throw new InvalidOperationException(
                    $"File location '{location.Name}' uses the store '{storeName}', which is not registered (registered: {string.Join(", ", byStore.Keys)}). " +
                    "For S3, call AddFilesS3() and set Files:S3:ServiceUrl and Files:S3:Bucket.");
            if (location.MaxBytes <= 0) throw new InvalidOperationException($"File location '{location.Name}': MaxBytes must be positive.");
            if (location.AllowedTypes.Count == 0) throw new InvalidOperationException($"File location '{location.Name}': AllowedTypes is empty, so every upload would be refused.");
            if (location.Variants.Count > 0 && Scheduler is null)
                throw new InvalidOperationException(
                    $"File location '{location.Name}' declares image variants, which a background job makes: add BaaS.Files.Images and call services.AddFileImageVariants() (it needs AddBaaSJobs).");
            foreach (var variant in location.Variants)
            {
                if (!FileKeys.IsSafeSegment(variant.Name) || variant.Name.Contains('.', StringComparison.Ordinal))
                    throw new InvalidOperationException($"File location '{location.Name}': the variant name '{variant.Name}' must be letters, digits, '-' and '_'.");
                if (variant.MaxWidth <= 0 || variant.MaxHeight <= 0 || variant.Quality is < 1 or > 100)
                    throw new InvalidOperationException($"File location '{location.Name}', variant '{variant.Name}': MaxWidth and MaxHeight must be positive and Quality 1-100.");
            }
            if (!_byName.TryAdd(location.Name, new ResolvedLocation(location, chosen)))
                throw new InvalidOperationException($"File location '{location.Name}' is registered twice.");
            PathTemplate.Compile(location.PathTemplate, location.Name, null, checkPropertiesLater: true);
        }
    }

    public FilesOptions Options { get; }

    /// <summary>What queues the making of image variants, when the app has it.</summary>
    public IFileVariantScheduler? Scheduler { get; }

    public IReadOnlyDictionary<string, IFileStore> Stores { get; }

    public IEnumerable<ResolvedLocation> All => _byName.Values;

    public ResolvedLocation? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The location named <paramref name="name"/>; throws, listing the registered ones, when there is none.</summary>
    public ResolvedLocation Get(string name, string usedBy) => Find(name) ?? throw new InvalidOperationException(
        $"{usedBy} uploads to the file location '{name}', which is not registered (registered: {string.Join(", ", _byName.Keys.DefaultIfEmpty("none"))}). " +
        "Add it in AddFiles(o => o.Locations.Add(new FileLocation(...))) or in the Files:Locations configuration section.");
}

/// <summary>A location with its store, and its path template compiled per request DTO type.</summary>
internal sealed class ResolvedLocation(FileLocation options, IFileStore store)
{
    private readonly ConcurrentDictionary<Type, PathTemplate> _templates = new();
    private readonly PathTemplate _plain = PathTemplate.Compile(options.PathTemplate, options.Name, null, checkPropertiesLater: true);

    public FileLocation Options { get; } = options;

    public string Name => Options.Name;

    public IFileStore Store { get; } = store;

    /// <summary>The template for files of <paramref name="dtoType"/>; throws when it names a property the type lacks.</summary>
    public PathTemplate TemplateFor(Type? dtoType) =>
        dtoType is null ? _plain : _templates.GetOrAdd(dtoType, t => PathTemplate.Compile(Options.PathTemplate, Options.Name, t));

    /// <summary>The store key of a path in this location: <c>{location}/{path}</c>.</summary>
    public string KeyOf(string path) => Name + "/" + path;
}
