namespace BaaS.Jobs;

/// <summary>The commands this app can run, by name and type, found once at startup.</summary>
internal sealed class CommandRegistry
{
    private readonly Dictionary<string, CommandInfo> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, CommandInfo> _byType = [];

    /// <exception cref="InvalidOperationException">Two commands share a class name.</exception>
    public CommandRegistry(IEnumerable<Type> types)
    {
        foreach (var type in types.Distinct())
        {
            if (CommandInfo.Of(type) is not { } info) continue;
            if (_byName.TryGetValue(info.Name, out var other))
                throw new InvalidOperationException(
                    $"Two commands are named '{info.Name}': {other.CommandType.FullName} and {type.FullName}. Jobs name commands by class name; rename one.");
            _byName[info.Name] = info;
            _byType[type] = info;
        }
    }

    public IReadOnlyCollection<CommandInfo> All => _byName.Values;

    public CommandInfo? Find(string name) => _byName.GetValueOrDefault(name);

    /// <exception cref="ArgumentException">The type is not a registered command.</exception>
    public CommandInfo Get(Type commandType) =>
        _byType.GetValueOrDefault(commandType) ?? throw new ArgumentException(
            CommandInfo.Of(commandType) is null
                ? $"{commandType.FullName} is not a command: implement IAsyncCommand<TArg> or IAsyncCommand<TArg, TResult>."
                : $"Command {commandType.FullName} is not registered: pass its assembly (or the type) to AddBaaSJobs.",
            nameof(commandType));
}
