using System.Reflection;
using BaaS.Data;
using BaaS.Reflection;

namespace BaaS.AutoQuery;

/// <summary>
/// Everything AutoQuery needs to run one query DTO, worked out once at startup: the model and result types, the joins,
/// each filter property's field and operator, and the mandatory filters. A property that names no field and matches no
/// convention fails startup, naming it.
/// </summary>
internal sealed class QueryPlan
{
    private static readonly HashSet<string> QueryBaseProperties =
        [.. TypeModel.Of(typeof(IQuery)).Properties.Select(p => p.Name)];

    private QueryPlan(Type dtoType, Type modelType, Type intoType)
    {
        DtoType = dtoType;
        ModelType = modelType;
        IntoType = intoType;
    }

    public Type DtoType { get; }
    public Type ModelType { get; }
    public Type IntoType { get; }
    public QueryTerm DefaultTerm { get; private set; } = QueryTerm.And;
    public IReadOnlyList<QueryFilter> Filters { get; private set; } = [];
    public IReadOnlyList<(Type Table, bool Left)> Joins { get; private set; } = [];
    public IReadOnlyList<MandatoryFilter> Mandatory { get; private set; } = [];
    public bool LoadReferences { get; private set; }
    public string? PrimaryKey { get; private set; }

    // The query's tables (the model first), and the properties of a narrower result shape (null when rows are the model).
    private IReadOnlyList<ModelDefinition> _models = [];
    private HashSet<string>? _shownProperties;

    /// <summary>
    /// Whether a field named by the caller (in <c>orderBy</c>, an aggregate or an implicit filter) is one the results
    /// show. A query answering a narrower shape than its table (<c>QueryDb&lt;Review, ReviewInfo&gt;</c>) hides the other
    /// columns; ordering, aggregating or filtering by them would leak them (<c>include=Max(CreatedBy)</c>), so they count
    /// as unknown. A joined field is shown when the shape has <c>{Model}{Field}</c> (<c>AuthorName</c>).
    /// </summary>
    public bool Shows(string name)
    {
        if (_shownProperties is null) return true;
        var dot = name.IndexOf('.');
        var modelName = dot > 0 ? name[..dot] : null;
        var fieldName = dot > 0 ? name[(dot + 1)..] : name;
        for (var i = 0; i < _models.Count; i++)
        {
            var model = _models[i];
            if (modelName is not null && !string.Equals(model.Name, modelName, StringComparison.OrdinalIgnoreCase)) continue;
            if (model.FindField(fieldName) is not { } field) continue;
            // An unqualified name is the first table's that has it, as the query resolves it.
            return (i == 0 && _shownProperties.Contains(field.Name)) || _shownProperties.Contains(model.Name + field.Name);
        }
        return true; // not a field at all: the query's own check reports it
    }

    public static QueryPlan Build(Type dtoType, Type modelType, Type intoType)
    {
        var plan = new QueryPlan(dtoType, modelType, intoType);
        var model = ModelDefinition.For(modelType);
        plan.PrimaryKey = model.PrimaryKey?.Name;
        plan.Joins = JoinsOf(dtoType, modelType);
        var fields = new FieldLookup([model, .. plan.Joins.Select(j => ModelDefinition.For(j.Table))]);
        plan.DefaultTerm = dtoType.GetCustomAttribute<QueryDbAttribute>(true)?.DefaultTerm is QueryTerm.Or ? QueryTerm.Or : QueryTerm.And;
        var owner = dtoType.Name;

        var filters = new List<QueryFilter>();
        foreach (var property in TypeModel.Of(dtoType).Properties)
        {
            if (QueryBaseProperties.Contains(property.Name) || !property.HasGetter) continue;
            if (property.HasAttribute<AutoIgnoreAttribute>()) continue;
            filters.Add(FilterOf(property, fields, plan, owner));
        }
        plan.Filters = filters;

        var mandatory = dtoType.GetCustomAttributes<AutoFilterAttribute>(true).Select(f => MandatoryFilter.From(f, fields, owner)).ToList();
        if (SoftDeletes(dtoType, model)) mandatory.Add(new MandatoryFilter(nameof(AuditBase.DeletedDate), SqlOperator.IsNull, (_, _) => null, false, owner));
        plan.Mandatory = mandatory;
        plan.LoadReferences = intoType == modelType && model.References.Count > 0;
        plan._models = [model, .. plan.Joins.Select(j => ModelDefinition.For(j.Table))];
        if (intoType != modelType)
            plan._shownProperties = new HashSet<string>(TypeModel.Of(intoType).Properties.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        return plan;
    }

    /// <summary>Soft-deleted rows are hidden from queries that ask for it, and from every query over a model that soft-deletes.</summary>
    internal static bool SoftDeletes(Type dtoType, ModelDefinition model) =>
        typeof(AuditBase).IsAssignableFrom(model.ModelType) &&
        dtoType.GetCustomAttributes<AutoApplyAttribute>(true).Any(a => a.Name is Behavior.AuditQuery or Behavior.AuditSoftDelete);

    private static QueryFilter FilterOf(PropertyModel property, FieldLookup fields, QueryPlan plan, string owner)
    {
        var attribute = property.GetAttribute<QueryDbFieldAttribute>();
        var mapped = property.GetAttribute<AutoMapAttribute>()?.To;
        string field;
        SqlOperator op;
        if (attribute?.Field is not null || mapped is not null || attribute?.Operand is not null || attribute?.Template is not null)
        {
            field = attribute?.Field ?? mapped ?? property.Name;
            if (!fields.Has(field))
            {
                // an operand with no explicit field may still use a naming convention for the field
                if (attribute?.Field is null && mapped is null && QueryConventions.TryParse(property.Name, fields.Has, out var conventionField, out _) && conventionField.Length > 0)
                    field = conventionField;
                else
                    throw UnknownField(owner, property.Name, field, fields);
            }
            op = attribute?.Template is { } template ? FromTemplate(template, owner, property.Name)
                : attribute?.Operand is { } operand ? QueryConventions.Operand(operand)
                    ?? throw new InvalidOperationException($"{owner}.{property.Name}: operand '{operand}' is not one of {QueryConventions.OperandList}.")
                : IsList(property.Type) ? SqlOperator.In : SqlOperator.Equal;
        }
        else if (QueryConventions.TryParse(property.Name, fields.Has, out field, out op))
        {
            if (field.Length == 0)
                field = plan.PrimaryKey ?? throw new InvalidOperationException($"{owner}.Ids: {fields.ModelNames} has no primary key.");
            if (op == SqlOperator.Equal && IsList(property.Type)) op = SqlOperator.In;
        }
        else
        {
            throw UnknownField(owner, property.Name, property.Name, fields);
        }

        if (QueryConventions.TakesList(op) && !IsList(property.Type))
            throw new InvalidOperationException($"{owner}.{property.Name} is compared with {op}, which takes several values: declare it as a list or array.");
        var term = attribute?.Term is QueryTerm.And or QueryTerm.Or ? attribute.Term : plan.DefaultTerm;
        return new QueryFilter(property.Name, property.Getter, field, op, term, attribute?.ValueFormat,
            property.IsPlainValueType, property.DefaultValue);
    }

    private static SqlOperator FromTemplate(string template, string owner, string property)
    {
        // Only the closed set of "{Field} <op> {Value}" forms: a template never becomes SQL text.
        var text = template.Replace(" ", "", StringComparison.Ordinal);
        const string field = "{Field}", value = "{Value}";
        if (text.StartsWith(field, StringComparison.OrdinalIgnoreCase) && text.EndsWith(value, StringComparison.OrdinalIgnoreCase))
        {
            var operand = text[field.Length..^value.Length];
            if (QueryConventions.Operand(operand) is { } op) return op;
        }
        throw new InvalidOperationException(
            $"{owner}.{property}: template '{template}' is not supported; use the form '{{Field}} <op> {{Value}}' with <op> one of {QueryConventions.OperandList}.");
    }

    private static InvalidOperationException UnknownField(string owner, string property, string field, FieldLookup fields) =>
        new($"{owner}.{property}: '{field}' is not a field of {fields.ModelNames} and matches no query convention" +
            (fields.Suggest(field) is { } s ? $" (did you mean '{s}'?)." : ".") +
            " Add [QueryDbField(Field = ..., Operand = ...)], or [AutoIgnore] if a hand-written service reads it.");

    internal static bool IsList(Type type) =>
        type != typeof(string) && type != typeof(byte[]) && (type.IsArray || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)));

    private static List<(Type, bool)> JoinsOf(Type dtoType, Type modelType)
    {
        var joins = new List<(Type, bool)>();
        foreach (var iface in dtoType.GetInterfaces().Where(i => i.IsGenericType))
        {
            var name = iface.GetGenericTypeDefinition().Name;
            var left = name.StartsWith("ILeftJoin`", StringComparison.Ordinal);
            if (!left && !name.StartsWith("IJoin`", StringComparison.Ordinal)) continue;
            var args = iface.GetGenericArguments();
            if (args[0] != modelType)
                throw new InvalidOperationException($"{dtoType.Name}: {iface.Name} starts from {args[0].Name}, but the query is over {modelType.Name}.");
            joins.AddRange(args.Skip(1).Select(t => (t, left)));
        }
        return joins;
    }
}
