using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace BaaS.Files;

/// <summary>
/// Reads the <c>Files</c> configuration section: <c>LocalPath</c>, <c>TempPath</c>, <c>RoutePrefix</c>, <c>SigningKey</c>,
/// <c>DefaultStore</c>, and <c>Locations:{name}</c> with <c>Store</c>, <c>PathTemplate</c>, <c>AllowedTypes</c> (a list or
/// a comma-separated text), <c>MaxBytes</c>, <c>Read</c>, <c>Write</c> (rules as text: see <see cref="FileAccessRule.Parse"/>),
/// <c>CacheSeconds</c> and <c>Variants</c> (a list of <c>Name</c>, <c>MaxWidth</c>, <c>MaxHeight</c>, <c>Format</c>, <c>Quality</c>).
/// A location configured and registered in code gets the configured values on top of the code's.
/// </summary>
internal static class FilesConfiguration
{
    public static void Bind(IConfigurationSection section, FilesOptions options)
    {
        if (section["LocalPath"] is { Length: > 0 } local) options.LocalPath = local;
        if (section["TempPath"] is { Length: > 0 } temp) options.TempPath = temp;
        if (section["RoutePrefix"] is { Length: > 0 } prefix) options.RoutePrefix = prefix;
        if (section["SigningKey"] is { Length: > 0 } key) options.SigningKey = key;
        if (section["DefaultStore"] is { Length: > 0 } store) options.DefaultStore = store;
        foreach (var child in section.GetSection("Locations").GetChildren())
        {
            var location = options.Locations.Find(l => l.Name.Equals(child.Key, StringComparison.OrdinalIgnoreCase));
            if (location is null) options.Locations.Add(location = new FileLocation(child.Key));
            Apply(child, location);
        }
    }

    private static void Apply(IConfigurationSection section, FileLocation location)
    {
        var where = $"Files:Locations:{section.Key}";
        if (section["Store"] is { Length: > 0 } store) location.Store = store;
        if (section["PathTemplate"] is { Length: > 0 } template) location.PathTemplate = template;
        var types = section.GetSection("AllowedTypes");
        if (types.Value is { Length: > 0 } list) location.AllowedTypes = [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        else if (types.GetChildren().Any()) location.AllowedTypes = [.. types.GetChildren().Select(c => c.Value!).Where(v => !string.IsNullOrWhiteSpace(v))];
        if (section["MaxBytes"] is { Length: > 0 } max) location.MaxBytes = Number(max, where + ":MaxBytes");
        if (section["CacheSeconds"] is { Length: > 0 } cache) location.CacheSeconds = (int)Number(cache, where + ":CacheSeconds");
        if (section["Read"] is { Length: > 0 } read) location.Read = Rule(read, where + ":Read");
        if (section["Write"] is { Length: > 0 } write) location.Write = Rule(write, where + ":Write");
        var variants = section.GetSection("Variants").GetChildren().ToList();
        if (variants.Count > 0)
        {
            location.Variants = [.. variants.Select(v => new ImageVariant(
                v["Name"] ?? throw new InvalidOperationException($"{where}:Variants:{v.Key}:Name is missing."),
                (int)Number(v["MaxWidth"] ?? "0", $"{where}:Variants:{v.Key}:MaxWidth"),
                (int)Number(v["MaxHeight"] ?? "0", $"{where}:Variants:{v.Key}:MaxHeight"),
                Enum.TryParse<ImageVariantFormat>(v["Format"] ?? "WebP", true, out var format) ? format
                    : throw new InvalidOperationException($"{where}:Variants:{v.Key}:Format is '{v["Format"]}': use WebP, Jpeg or Png."),
                (int)Number(v["Quality"] ?? "80", $"{where}:Variants:{v.Key}:Quality")))];
        }
    }

    private static long Number(string text, string key) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
            : throw new InvalidOperationException($"{key} is '{text}': expected a whole number.");

    private static FileAccessRule Rule(string text, string key)
    {
        try
        {
            return FileAccessRule.Parse(text);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{key}: {e.Message}", e);
        }
    }
}
