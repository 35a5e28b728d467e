using System.Security.Claims;
using System.Text.RegularExpressions;
using BaaS.Auth;

namespace BaaS.ServerEvents;

/// <summary>Whether a caller may join a channel.</summary>
internal enum ChannelVerdict { Allowed, SignInRequired, Forbidden }

/// <summary>
/// The declared channels, compiled once: an exact name wins over a pattern, and of patterns the longest prefix wins
/// (<c>order-vip-*</c> before <c>order-*</c>). A channel no declaration matches gets
/// <see cref="ServerEventsOptions.UndeclaredChannels"/>.
/// </summary>
internal sealed partial class ChannelRules
{
    /// <summary>The longest channel name.</summary>
    public const int MaxNameLength = 100;

    private readonly Dictionary<string, ServerEventsChannel> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, ServerEventsChannel Channel)> _patterns;
    private readonly ChannelAccess _undeclared;

    public ChannelRules(ServerEventsOptions options)
    {
        foreach (var channel in options.Channels.Where(c => !c.IsPattern)) _exact[channel.Name] = channel;
        _patterns = [.. options.Channels.Where(c => c.IsPattern).Select(c => (c.Name[..^1], c)).OrderByDescending(p => p.Item1.Length)];
        _undeclared = options.UndeclaredChannels;
    }

    /// <summary>True for a name of letters, digits and <c>- _ . : ~</c>, 1 to 100 characters.</summary>
    public static bool IsValidName(string name) => name.Length is > 0 and <= MaxNameLength && NameRegex().IsMatch(name);

    /// <summary>True for a declaration: a valid name, or a valid prefix (possibly empty) followed by <c>*</c>.</summary>
    public static bool IsValidDeclaration(string name) =>
        name == "*" || (name.EndsWith('*') ? IsValidName(name[..^1]) : IsValidName(name));

    /// <summary>The declaration that governs <paramref name="channel"/> and what its <c>*</c> matched, or null when none does.</summary>
    public (ServerEventsChannel Channel, string Wildcard)? Find(string channel)
    {
        if (_exact.TryGetValue(channel, out var exact)) return (exact, "");
        foreach (var (prefix, pattern) in _patterns)
            if (channel.StartsWith(prefix, StringComparison.Ordinal)) return (pattern, channel[prefix.Length..]);
        return null;
    }

    /// <summary>Whether <paramref name="user"/> may join <paramref name="channel"/> (a valid name).</summary>
    public async ValueTask<ChannelVerdict> CheckAsync(ClaimsPrincipal user, string channel, IServiceProvider services, CancellationToken cancellationToken)
    {
        var signedIn = user.GetUserId() is { Length: > 0 };
        if (Find(channel) is not { } found)
        {
            return _undeclared switch
            {
                ChannelAccess.Anyone => ChannelVerdict.Allowed,
                ChannelAccess.SignedIn => signedIn ? ChannelVerdict.Allowed : ChannelVerdict.SignInRequired,
                _ => ChannelVerdict.Forbidden,
            };
        }
        var declared = found.Channel;
        var allowed = declared.Access switch
        {
            ChannelAccess.Anyone => true,
            ChannelAccess.SignedIn => signedIn,
            ChannelAccess.Roles => signedIn && (user.HasRole(AuthRequirements.AdminRole) || declared.Roles.Any(user.HasRole)),
            ChannelAccess.Rule => await declared.Rule!(new ChannelAccessContext(user, channel, found.Wildcard, services, cancellationToken)).ConfigureAwait(false),
            _ => false,
        };
        if (allowed) return ChannelVerdict.Allowed;
        return declared.Access == ChannelAccess.Refused || signedIn ? ChannelVerdict.Forbidden : ChannelVerdict.SignInRequired;
    }

    /// <summary>
    /// Checks every channel of a request: names (400 naming <paramref name="field"/>), then access (401 when signing in
    /// might help, else 403), throwing the first refusal.
    /// </summary>
    public async ValueTask RequireAsync(ClaimsPrincipal user, IReadOnlyList<string> channels, IServiceProvider services, string field, CancellationToken cancellationToken)
    {
        foreach (var channel in channels)
        {
            if (!IsValidName(channel))
                throw HttpError.Validation(field, "InvalidChannel",
                    $"'{Shown(channel)}' is not a channel name: use 1 to {MaxNameLength} letters, digits and - _ . : ~");
        }
        foreach (var channel in channels)
        {
            switch (await CheckAsync(user, channel, services, cancellationToken).ConfigureAwait(false))
            {
                case ChannelVerdict.SignInRequired:
                    throw HttpError.Unauthorized($"Sign in to join the channel '{channel}'.");
                case ChannelVerdict.Forbidden:
                    throw HttpError.Forbidden($"You may not join the channel '{channel}'.");
            }
        }
    }

    /// <summary>The channels of a query value: comma-separated, trimmed, without empties or repeats.</summary>
    public static List<string> Parse(IEnumerable<string?> values) =>
        [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "...";

    [GeneratedRegex(@"^[A-Za-z0-9_.:~-]+$")]
    private static partial Regex NameRegex();
}
