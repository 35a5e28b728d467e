using BaaS.AutoQuery;
using BaaS.Data;
using BaaS.Reflection;

namespace BaaS.Files;

/// <summary>
/// Which data-model columns hold file URLs (AutoQuery writes them from the CRUD DTOs' <see cref="UploadedFile"/>
/// properties) and which hold the URLs of their image variants: what the metadata's <c>plugins.files.columns</c> says, so
/// a client (the Admin UI's grid) knows a URL column to show as an image, and which column holds its thumbnail.
/// </summary>
internal static class FileColumns
{
    /// <summary>
    /// The column receiving the URL of <paramref name="variant"/> of the file column <paramref name="fileColumn"/>: the
    /// property marked <c>[VariantOf(fileColumn, variant)]</c>, else the one named <c>{fileColumn}{Variant}</c>
    /// (<c>PhotoThumb</c>); null when there is none, or it does not hold text.
    /// </summary>
    public static FieldDefinition? VariantColumn(ModelDefinition model, string fileColumn, string variant)
    {
        var declared = TypeModel.Of(model.ModelType).Properties.FirstOrDefault(p => p.GetAttribute<VariantOfAttribute>() is { } v &&
            v.FileProperty.Equals(fileColumn, StringComparison.OrdinalIgnoreCase) && v.Variant.Equals(variant, StringComparison.OrdinalIgnoreCase));
        var column = declared is not null ? model.FindField(declared.Name) : model.FindField(fileColumn + char.ToUpperInvariant(variant[0]) + variant[1..]);
        return column is { } c && c.PropertyType == typeof(string) ? c : null;
    }

    /// <summary>
    /// The file columns of the models the app's AutoQuery CRUD operations write: each file property's column (its
    /// <c>[AutoMap]</c> target, else its own name) and the model properties marked <c>[UploadTo]</c>, with their
    /// location and the columns of the location's variants. Ordered by model, then column.
    /// </summary>
    public static List<FileColumnInfo> Describe(OperationCatalog catalog, FileLocations locations)
    {
        var found = new Dictionary<(Type Model, string Column), string>();
        foreach (var operation in catalog.Operations)
        {
            if (AutoQueryTypes.CrudTypesOf(operation.RequestType) is not { } crud) continue;
            var model = ModelDefinition.For(crud.Model);
            foreach (var property in TypeModel.Of(operation.RequestType).Properties.Where(p => p.Type == typeof(UploadedFile)))
            {
                if (property.GetAttribute<UploadToAttribute>() is { } upload &&
                    model.FindField(property.GetAttribute<AutoMapAttribute>()?.To ?? property.Name) is { } field)
                    found.TryAdd((crud.Model, field.Name), upload.Location);
            }
            foreach (var property in TypeModel.Of(crud.Model).Properties)
                if (property.GetAttribute<UploadToAttribute>() is { } upload && model.FindField(property.Name) is { } field)
                    found.TryAdd((crud.Model, field.Name), upload.Location);
        }
        return [.. found.OrderBy(f => f.Key.Model.Name, StringComparer.Ordinal).ThenBy(f => f.Key.Column, StringComparer.Ordinal).Select(f =>
        {
            var model = ModelDefinition.For(f.Key.Model);
            var variants = (locations.Find(f.Value)?.Options.Variants ?? [])
                .Select(v => (v.Name, Column: VariantColumn(model, f.Key.Column, v.Name)))
                .Where(v => v.Column is not null)
                .Select(v => new FileVariantColumnInfo(v.Name, v.Column!.Name))
                .ToList();
            return new FileColumnInfo(f.Key.Model.Name, f.Key.Column, f.Value, variants.Count == 0 ? null : variants);
        })];
    }
}

/// <summary>A model column holding file URLs, in <c>plugins.files.columns</c>.</summary>
/// <param name="Model">The data model's name (<c>MenuItem</c>).</param>
/// <param name="Column">The property holding the file's URL (<c>PhotoUrl</c>).</param>
/// <param name="Location">The upload location its files are stored in.</param>
/// <param name="Variants">The properties holding its image variants' URLs, by variant; null when none.</param>
internal sealed record FileColumnInfo(string Model, string Column, string Location, List<FileVariantColumnInfo>? Variants);

/// <summary>The property holding one image variant's URL.</summary>
/// <param name="Name">The variant's name (<c>thumb</c>).</param>
/// <param name="Column">The property (<c>PhotoThumbUrl</c>).</param>
internal sealed record FileVariantColumnInfo(string Name, string Column);
