using System.Reflection;
using BaaS.Data;
using BaaS.Reflection;
using Microsoft.AspNetCore.Http;

namespace BaaS.AutoQuery;

/// <summary>One DTO property written to a data model field.</summary>
internal sealed record CrudField(string PropertyName, Func<object, object?> Get, FieldDefinition Field, bool IsPlainValueType,
    object? DefaultValue, Func<HttpContext, TimeProvider, object?>? AutoDefault)
{
    /// <summary>For a file property (<see cref="UploadedFile"/>): the location it uploads to; its field stores the file's URL.</summary>
    public string? FileLocation { get; init; }
}

/// <summary>A model column holding a stored file's URL, and the location it belongs to.</summary>
internal sealed record FileColumn(FieldDefinition Field, string Location);

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

    /// <summary>The DTO's file properties (written by storing the file and keeping its URL).</summary>
    public IReadOnlyList<CrudField> FileFields { get; private set; } = [];

    /// <summary>For a hard delete: the model's file columns, whose files go when their rows do.</summary>
    public IReadOnlyList<FileColumn> ModelFiles { get; private set; } = [];

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
            var crudField = new CrudField(property.Name, property.Getter, field, property.IsPlainValueType, property.DefaultValue, autoDefault)
            {
                FileLocation = FileLocationOf(property, field, owner),
            };
            if (field.IsPrimaryKey) plan.Key = crudField;
            else if (field.IsRowVersion) plan.Version = crudField;
            else written.Add(crudField);
        }
        plan.Fields = written;
        plan.FileFields = [.. written.Where(f => f.FileLocation is not null)];
        if (kind == CrudKind.Delete) plan.ModelFiles = FileColumnsOf(modelType, dtoType);

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

    /// <summary>The location of a file property (its field must hold text: the URL); null for other properties.</summary>
    private static string? FileLocationOf(PropertyModel property, FieldDefinition field, string owner)
    {
        if (property.Type != typeof(UploadedFile))
        {
            if (typeof(IEnumerable<UploadedFile>).IsAssignableFrom(property.Type))
                throw new InvalidOperationException(
                    $"{owner}.{property.Name}: AutoQuery stores one file per column; take a list of files in a hand-written service (IFiles.SaveAsync).");
            return null;
        }
        if (field.PropertyType != typeof(string))
            throw new InvalidOperationException($"{owner}.{property.Name} is a file: {field.Model.Name}.{field.Name} must be a string, which receives the file's URL.");
        return property.GetAttribute<UploadToAttribute>()?.Location
            ?? throw new InvalidOperationException($"{owner}.{property.Name} is a file without a location: add [UploadTo(\"location\")].");
    }

    /// <summary>
    /// A model's file columns: those marked <see cref="UploadToAttribute"/> on the model, and those any create, update,
    /// patch or save DTO of the model (in the model's or the DTO's assembly) fills from a file.
    /// </summary>
    internal static IReadOnlyList<FileColumn> FileColumnsOf(Type modelType, Type dtoType)
    {
        var model = ModelDefinition.For(modelType);
        var columns = new Dictionary<string, FileColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in TypeModel.Of(modelType).Properties)
            if (property.GetAttribute<UploadToAttribute>() is { } upload && model.FindField(property.Name) is { } field)
                columns.TryAdd(field.Name, new FileColumn(field, upload.Location));
        foreach (var type in new[] { modelType.Assembly, dtoType.Assembly }.Distinct().SelectMany(Hosting.AppAssemblies.TypesOf))
        {
            if (!type.IsClass || type.IsAbstract || AutoQueryTypes.CrudTypesOf(type) is not { } crud || crud.Model != modelType) continue;
            foreach (var property in TypeModel.Of(type).Properties.Where(p => p.Type == typeof(UploadedFile)))
            {
                var name = property.GetAttribute<AutoMapAttribute>()?.To ?? property.Name;
                if (model.FindField(name) is { } field && property.GetAttribute<UploadToAttribute>() is { } upload)
                    columns.TryAdd(field.Name, new FileColumn(field, upload.Location));
            }
        }
        return [.. columns.Values];
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
