namespace BaaS.ServerEvents;

/// <summary>Subscriptions by a key (channel, user, role, session); used under the broker's lock.</summary>
internal sealed class SubscriptionIndex
{
    private readonly Dictionary<string, HashSet<EventSubscription>> _sets = new(StringComparer.Ordinal);

    public IReadOnlyCollection<EventSubscription> Get(string key) => _sets.TryGetValue(key, out var set) ? set : [];

    public int Count(string key) => _sets.TryGetValue(key, out var set) ? set.Count : 0;

    public void Add(string key, EventSubscription subscription)
    {
        if (!_sets.TryGetValue(key, out var set)) _sets[key] = set = [];
        set.Add(subscription);
    }

    public void Remove(string key, EventSubscription subscription)
    {
        if (!_sets.TryGetValue(key, out var set)) return;
        set.Remove(subscription);
        if (set.Count == 0) _sets.Remove(key);
    }
}
