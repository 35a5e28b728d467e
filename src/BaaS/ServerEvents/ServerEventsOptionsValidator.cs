using Microsoft.Extensions.Options;

namespace BaaS.ServerEvents;

/// <summary>Checks the server events' settings at startup, naming each wrong one.</summary>
internal sealed class ServerEventsOptionsValidator : IValidateOptions<ServerEventsOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerEventsOptions options)
    {
        var errors = new List<string>();
        void Positive(TimeSpan value, string setting)
        {
            if (value <= TimeSpan.Zero) errors.Add($"BaaS:ServerEvents:{setting} must be positive (e.g. 00:00:10), not {value}.");
        }
        void AtLeastOne(int value, string setting)
        {
            if (value < 1) errors.Add($"BaaS:ServerEvents:{setting} must be at least 1, not {value}.");
        }
        Positive(options.HeartbeatInterval, nameof(options.HeartbeatInterval));
        Positive(options.IdleTimeout, nameof(options.IdleTimeout));
        Positive(options.HouseKeepingInterval, nameof(options.HouseKeepingInterval));
        Positive(options.ReplayWindow, nameof(options.ReplayWindow));
        if (options.IdleTimeout <= options.HeartbeatInterval)
            errors.Add($"BaaS:ServerEvents:IdleTimeout ({options.IdleTimeout}) must be longer than HeartbeatInterval ({options.HeartbeatInterval}), or every client expires between two heartbeats.");
        AtLeastOne(options.MaxSubscriptionsPerUser, nameof(options.MaxSubscriptionsPerUser));
        AtLeastOne(options.MaxSubscriptionsPerAddress, nameof(options.MaxSubscriptionsPerAddress));
        AtLeastOne(options.MaxChannelsPerSubscription, nameof(options.MaxChannelsPerSubscription));
        AtLeastOne(options.BufferSize, nameof(options.BufferSize));
        AtLeastOne(options.ReplayMessages, nameof(options.ReplayMessages));
        if (options.MaxMessageBytes < 64) errors.Add($"BaaS:ServerEvents:MaxMessageBytes must be at least 64, not {options.MaxMessageBytes}.");
        if (options.UndeclaredChannels is not (ChannelAccess.Refused or ChannelAccess.Anyone or ChannelAccess.SignedIn))
            errors.Add($"BaaS:ServerEvents:UndeclaredChannels must be Refused, Anyone or SignedIn, not {options.UndeclaredChannels}.");
        if (options.Bus.ToLowerInvariant() is not ("auto" or "memory" or "database" or "redis"))
            errors.Add($"BaaS:ServerEvents:Bus must be auto, memory, database or redis, not '{options.Bus}'.");
        foreach (var channel in options.Channels)
        {
            if (!ChannelRules.IsValidDeclaration(channel.Name))
                errors.Add($"Server events channel '{channel.Name}' is not a channel name or pattern: use letters, digits and - _ . : ~, with an optional * at the end.");
        }
        foreach (var type in options.EventTypes)
        {
            if (type.IsGenericTypeDefinition || type.IsAbstract || !type.IsClass)
                errors.Add($"Server events type {type.Name} must be a concrete class (a message DTO).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
