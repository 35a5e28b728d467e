using System.Reflection;
using BaaS.Data;
using BaaS.Reflection;
using Microsoft.AspNetCore.Http;

namespace BaaS.AutoQuery;

/// <summary>One DTO property written to a data model field.</summary>
internal sealed record CrudField(string PropertyName, Func<object, object?> Get, FieldDefinition Field, bool IsPlainValueType,
    object? DefaultValue, Func<HttpContext, TimeProvider, object?>? AutoDefault);

/// <summary>A field the server fills (<see cref="AutoPopulateAttribute"/>).</summary>
internal sealed record Populate(FieldDefinition Field, Func<HttpContext, TimeProvider, object?> Value, bool NeedsUser);

/// <summary>What a CRUD operation answers.</summary>
internal enum CrudResponse { IdResponse, Model, Empty, Void }

/// <summary>
/// Everything AutoQuery needs to run one CRUD DTO, worked out once at startup: the DTO property behind each written
/// field (only declared properties are ever written), the key and row version, the server-filled fields, the
/// mandatory filters and the audit behaviours. A property that is no field of the model fails startup.
/// </summary>
internal sealed class CrudPlan
{
    private CrudPlan(Type dtoType, CrudKind kind, ModelDefinition model)
    {
        DtoType = dtoType;
        Kind = kind;
        Model = model;
    }

    public Type DtoType { get; }
    public CrudKind Kind { get; }
    public ModelDefinition Model { get; }
    public IReadOnlyList<CrudField> Fields { get; private set; } = [];
    public CrudField? Key { get; private set; }
    public CrudField? Version { get; private set; }
    public IReadOnlyList<Populate> Populates { get; private set; } = [];
    public IReadOnlyList<MandatoryFilter> Mandatory { get; private set; } = [];
    public bool AuditCreate { get; private set; }
    public bool AuditModify { get; private set; }
    public bool SoftDelete { get; private set; }
    public CrudResponse Response { get; private set; }

    public bool Audits => AuditCreate || AuditModify || SoftDelete;

    public static CrudPlan Build(Type dtoType, CrudKind kind, Type modelType)
    {
        var model = ModelDefinition.For(modelType);
        var plan = new CrudPlan(dtoType, kind, model);
        var owner = dtoType.Name;
        var fields = new FieldLookup([model]);

        var written = new List<CrudField>();
        foreach (var property in TypeModel.Of(dtoType).Properties)
        {
            if (!property.HasGetter || property.HasAttribute<AutoIgnoreAttribute>()) continue;
            var name = property.GetAttribute<AutoMapAttribute>()?.To ?? property.Name;
            var field = model.FindField(name) ?? throw new InvalidOperationException(
                $"{owner}.{property.Name}: {model.Name} has no field '{name}'" + (fields.Suggest(name) is { } s ? $" (did you mean '{s}'?)." : ".") +
                " Map it with [AutoMap(...)], or mark it [AutoIgnore] if a hand-written extension reads it.");
            var autoDefault = property.GetAttribute<AutoDefaultAttribute>() is { } d
                ? d.Eval is not null ? ServerValues.Resolver(d.Eval, owner) : ConstantOf(d.Value)
                : null;
            var crudField = new CrudField(property.Name, property.Getter, field, property.IsPlainValueType, property.DefaultValue, autoDefault);
            if (field.IsPrimaryKey) plan.Key = crudField;
            else if (field.IsRowVersion) plan.Version = crudField;
            else written.Add(crudField);
        }
        plan.Fields = written;

        plan.Populates = [.. dtoType.GetCustomAttributes<AutoPopulateAttribute>(true).Select(p =>
        {
            var field = model.FindField(p.Field) ?? throw new InvalidOperationException(
                $"{owner}: [AutoPopulate] names '{p.Field}', which is not a field of {model.Name}" + (fields.Suggest(p.Field) is { } s ? $" (did you mean '{s}'?)." : "."));
            return p.Eval is not null
                ? new Populate(field, ServerValues.Resolver(p.Eval, owner), ServerValues.IsUserValue(p.Eval))
                : new Populate(field, ConstantOf(p.Value), false);
        })];
        plan.Mandatory = [.. dtoType.GetCustomAttributes<AutoFilterAttribute>(true).Select(f => MandatoryFilter.From(f, fields, owner))];

        var behaviours = dtoType.GetCustomAttributes<AutoApplyAttribute>(true).Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        plan.AuditCreate = behaviours.Contains(Behavior.AuditCreate);
        plan.AuditModify = behaviours.Contains(Behavior.AuditModify);
        plan.SoftDelete = behaviours.Contains(Behavior.AuditSoftDelete);
        if ((plan.Audits || behaviours.Contains(Behavior.AuditQuery)) && !typeof(AuditBase).IsAssignableFrom(modelType))
            throw new InvalidOperationException($"{owner} applies audit behaviours, but {model.Name} does not derive from AuditBase.");
        // A soft-deleted row is gone for every write: it can be neither changed nor deleted again.
        if (kind != CrudKind.Create && typeof(AuditBase).IsAssignableFrom(modelType))
            plan.Mandatory = [.. plan.Mandatory, new MandatoryFilter(nameof(AuditBase.DeletedDate), SqlOperator.IsNull, (_, _) => null, false, owner)];

        if (kind is CrudKind.Update or CrudKind.Patch && plan.Key is null)
            throw new InvalidOperationException($"{owner} updates {model.Name} rows by key: declare its primary key property ({model.PrimaryKey?.Name ?? "none"}).");
        plan.Response = ResponseOf(dtoType, modelType, owner);
        return plan;
    }

    private static Func<HttpContext, TimeProvider, object?> ConstantOf(object? value) => (_, _) => value;

    private static CrudResponse ResponseOf(Type dtoType, Type modelType, string owner)
    {
        if (typeof(IReturnVoid).IsAssignableFrom(dtoType)) return CrudResponse.Void;
        var returns = dtoType.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReturn<>))?.GetGenericArguments()[0];
        return returns switch
        {
            null => CrudResponse.IdResponse,
            _ when returns == typeof(IdResponse) => CrudResponse.IdResponse,
            _ when returns == modelType => CrudResponse.Model,
            _ when returns == typeof(EmptyResponse) => CrudResponse.Empty,
            _ => throw new InvalidOperationException(
                $"{owner} returns {returns.Name}: an AutoQuery CRUD operation answers IdResponse, {modelType.Name}, EmptyResponse or nothing (IReturnVoid)."),
        };
    }
}
