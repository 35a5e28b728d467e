using BaaS.Data;

namespace BaaS.AutoQuery;

/// <summary>Field names across a query's tables (the model and its joins), checked at startup to fail fast.</summary>
internal sealed class FieldLookup(IReadOnlyList<ModelDefinition> models)
{
    public bool Has(string name) => Find(name) is not null;

    public FieldDefinition? Find(string name)
    {
        var dot = name.IndexOf('.');
        if (dot > 0)
        {
            var model = models.FirstOrDefault(m => string.Equals(m.Name, name[..dot], StringComparison.OrdinalIgnoreCase));
            if (model?.FindField(name[(dot + 1)..]) is { } qualified) return qualified;
        }
        foreach (var model in models)
            if (model.FindField(name) is { } field) return field;
        return null;
    }

    public string? Suggest(string name) => NameSuggestions.Closest(name, models.SelectMany(m => m.Fields.Select(f => f.Name)));

    public string ModelNames => string.Join(", ", models.Select(m => m.Name));
}
