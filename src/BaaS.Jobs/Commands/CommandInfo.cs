using System.Reflection;

namespace BaaS.Jobs;

/// <summary>
/// A command class found at startup: its name (the class name), argument and result types, and a delegate compiled
/// once that runs it without reflection.
/// </summary>
internal sealed class CommandInfo
{
    private CommandInfo(string name, Type commandType, Type argType, Type? resultType, Func<object, object?, CancellationToken, Task<object?>> invoke)
    {
        Name = name;
        CommandType = commandType;
        ArgType = argType;
        ResultType = resultType;
        Invoke = invoke;
    }

    public string Name { get; }
    public Type CommandType { get; }
    public Type ArgType { get; }
    public Type? ResultType { get; }

    /// <summary>Runs the command instance with the argument.</summary>
    public Func<object, object?, CancellationToken, Task<object?>> Invoke { get; }

    /// <summary>The command contract a type implements, or null when it is not a command.</summary>
    /// <exception cref="InvalidOperationException">It implements more than one command interface.</exception>
    public static CommandInfo? Of(Type type)
    {
        if (type is not { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }) return null;
        var contracts = type.GetInterfaces()
            .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IAsyncCommand<>) || i.GetGenericTypeDefinition() == typeof(IAsyncCommand<,>)))
            .ToList();
        if (contracts.Count == 0) return null;
        if (contracts.Count > 1)
            throw new InvalidOperationException($"Command {type.FullName} implements {contracts.Count} command interfaces; a command implements exactly one.");
        var args = contracts[0].GetGenericArguments();
        var factory = args.Length == 1
            ? typeof(CommandInfo).GetMethod(nameof(ForVoid), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(args[0])
            : typeof(CommandInfo).GetMethod(nameof(ForResult), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(args[0], args[1]);
        var invoke = (Func<object, object?, CancellationToken, Task<object?>>)factory.Invoke(null, null)!;
        return new CommandInfo(type.Name, type, args[0], args.Length == 2 ? args[1] : null, invoke);
    }

    private static Func<object, object?, CancellationToken, Task<object?>> ForVoid<TArg>() => async (command, arg, ct) =>
    {
        await ((IAsyncCommand<TArg>)command).ExecuteAsync((TArg)arg!, ct).ConfigureAwait(false);
        return null;
    };

    private static Func<object, object?, CancellationToken, Task<object?>> ForResult<TArg, TResult>() => async (command, arg, ct) =>
        await ((IAsyncCommand<TArg, TResult>)command).ExecuteAsync((TArg)arg!, ct).ConfigureAwait(false);
}
