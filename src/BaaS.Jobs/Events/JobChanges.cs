namespace BaaS.Jobs;

/// <summary>
/// What changed in the jobs database since the last <see cref="JobsChanged"/> notice: the store marks ids (or "more")
/// as it writes; <see cref="JobChangesPublisher"/> takes them once per interval. Cheap when nobody publishes: a lock
/// and a set of at most <see cref="MaxIds"/> ids.
/// </summary>
internal sealed class JobChanges
{
    public const int MaxIds = 100;
    private readonly Lock _lock = new();
    private HashSet<long> _ids = [];
    private bool _more;

    /// <summary>Whether anything is marked (read without the lock: a hint for the publisher).</summary>
    public bool Pending { get; private set; }

    public void Mark(long id)
    {
        lock (_lock)
        {
            if (_ids.Count < MaxIds) _ids.Add(id);
            else if (!_ids.Contains(id)) _more = true;
            Pending = true;
        }
    }

    public void Mark(IEnumerable<long> ids)
    {
        foreach (var id in ids) Mark(id);
    }

    /// <summary>Marks a change that has no single job id (archiving, a sweep, a schedule).</summary>
    public void MarkMore()
    {
        lock (_lock)
        {
            _more = true;
            Pending = true;
        }
    }

    /// <summary>Takes what was marked and starts over; false when nothing was.</summary>
    public bool TryTake(out List<long> ids, out bool more)
    {
        lock (_lock)
        {
            if (!Pending)
            {
                ids = [];
                more = false;
                return false;
            }
            ids = [.. _ids.Order()];
            more = _more;
            _ids = [];
            _more = false;
            Pending = false;
            return true;
        }
    }
}
