namespace BaaS;

/// <summary>Selectors of typed messages: a message DTO's selector is <c>cmd.{TypeName}</c> (<c>cmd.OrderStatusChanged</c>).</summary>
public static class ServerEventSelector
{
    /// <summary>The selector of messages of <paramref name="type"/>: <c>cmd.</c> and its name (without a generic arity).</summary>
    public static string For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return "cmd." + (tick < 0 ? name : name[..tick]);
    }

    /// <summary>The selector of messages of <typeparamref name="T"/>.</summary>
    public static string For<T>() => For(typeof(T));
}
