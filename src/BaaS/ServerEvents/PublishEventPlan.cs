using System.Collections.Concurrent;
using System.Reflection;
using BaaS.AutoQuery;
using BaaS.Data;
using BaaS.Reflection;

namespace BaaS.ServerEvents;

/// <summary>
/// The <see cref="PublishEventAttribute"/>s of one CRUD DTO, worked out at startup: the model, its key, how each event is
/// built from a row (same-named properties copied) and where it goes (a template filled from the row). A template naming
/// a property the model lacks, or the attribute on a DTO that is no AutoQuery write, fails startup.
/// </summary>
internal sealed class PublishEventPlan
{
    private static readonly ConcurrentDictionary<(Type From, Type To), Func<object, object>> Copiers = new();
    private static readonly MethodInfo LoadMethod = typeof(PublishEventPlan).GetMethod(nameof(LoadAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<DataConnection, object, CancellationToken, Task<object?>> _load;
    private readonly PropertyModel? _requestKey;

    private PublishEventPlan(Type dto, CrudKind kind, Type model, IReadOnlyList<EventSpec> events)
    {
        Kind = kind;
        Model = model;
        Events = events;
        Key = ModelDefinition.For(model).PrimaryKey
            ?? throw new InvalidOperationException($"[PublishEvent] on {dto.Name}: its model {model.Name} has no primary key to read the written row by.");
        _requestKey = TypeModel.Of(dto).Find(Key.Name);
        _load = LoadMethod.MakeGenericMethod(model).CreateDelegate<Func<DataConnection, object, CancellationToken, Task<object?>>>();
    }

    /// <summary>Which write.</summary>
    public CrudKind Kind { get; }

    /// <summary>The written model.</summary>
    public Type Model { get; }

    /// <summary>The model's primary key.</summary>
    public FieldDefinition Key { get; }

    /// <summary>The events to publish.</summary>
    public IReadOnlyList<EventSpec> Events { get; }

    /// <summary>The plan of an operation's DTO; null when it has no <see cref="PublishEventAttribute"/>.</summary>
    public static PublishEventPlan? For(Operation operation)
    {
        var attributes = operation.RequestType.GetCustomAttributes<PublishEventAttribute>(true).ToList();
        if (attributes.Count == 0) return null;
        var dto = operation.RequestType;
        var (kind, model) = AutoQueryTypes.CrudTypesOf(dto)
            ?? throw new InvalidOperationException($"[PublishEvent] on {dto.Name}: it publishes after AutoQuery writes only (ICreateDb<T>, IUpdateDb<T>, IPatchDb<T>, IDeleteDb<T>, ISaveDb<T>); publish with IServerEvents from a service instead.");
        return new PublishEventPlan(dto, kind, model, [.. attributes.Select(a => EventSpec.Create(dto, model, a))]);
    }

    /// <summary>The key value of the request (for a delete, read before the write), or null when it was not sent.</summary>
    public object? RequestKey(object request)
    {
        var value = _requestKey?.Getter(request);
        return value is null || (_requestKey!.IsPlainValueType && Equals(value, _requestKey.DefaultValue)) ? null : value;
    }

    /// <summary>The row with key <paramref name="id"/> (converted to the key's type), or null.</summary>
    public Task<object?> LoadAsync(DataConnection db, object id, CancellationToken cancellationToken) =>
        _load(db, ValueConverter.To(Key.ValueType, id, Key.Name)!, cancellationToken);

    private static async Task<object?> LoadAsync<TModel>(DataConnection db, object id, CancellationToken cancellationToken) =>
        await db.SingleByIdAsync<TModel>(id, cancellationToken).ConfigureAwait(false);

    /// <summary>A new <paramref name="eventType"/> with the same-named properties of <paramref name="source"/>.</summary>
    public static object Build(Type eventType, object source) => Copiers.GetOrAdd((source.GetType(), eventType), static key => Copier(key.From, key.To))(source);

    private static Func<object, object> Copier(Type from, Type to)
    {
        var source = TypeModel.Of(from);
        var pairs = TypeModel.Of(to).Properties.Where(p => p.HasSetter)
            .Select(p => (Target: p, Source: source.Find(p.Name)))
            .Where(p => p.Source is { HasGetter: true })
            .ToList();
        return row =>
        {
            var message = Activator.CreateInstance(to)!;
            foreach (var (target, from) in pairs) target.Setter(message, ValueConverter.To(target.Type, from!.Getter(row), target.Name));
            return message;
        };
    }

    /// <summary>One attribute: the event type and its channel or user template.</summary>
    internal sealed record EventSpec(Type EventType, RowTemplate? Channel, RowTemplate? User)
    {
        public static EventSpec Create(Type dto, Type model, PublishEventAttribute attribute)
        {
            var where = $"[PublishEvent(typeof({attribute.EventType.Name}))] on {dto.Name}";
            if (attribute.EventType.IsAbstract || attribute.EventType.GetConstructor(Type.EmptyTypes) is null)
                throw new InvalidOperationException($"{where}: the event type needs a public parameterless constructor.");
            if ((attribute.Channel is null) == (attribute.User is null))
                throw new InvalidOperationException($"{where}: set exactly one of Channel (e.g. \"order-{{Id}}\") or User (e.g. \"{{CustomerId}}\").");
            return new EventSpec(attribute.EventType,
                attribute.Channel is { } channel ? RowTemplate.Parse(channel, model, where) : null,
                attribute.User is { } user ? RowTemplate.Parse(user, model, where) : null);
        }
    }
}
