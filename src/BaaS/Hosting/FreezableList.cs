using System.Collections.ObjectModel;

namespace BaaS;

/// <summary>
/// A list in an options object: filled while the app registers its services, read-only once the app has started
/// (a change after that throws, naming the option), so what startup compiled cannot drift from the options.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class FreezableList<T> : Collection<T>
{
    private readonly string _name;
    private bool _frozen;

    /// <summary>Creates an empty list for the option named <paramref name="name"/>.</summary>
    public FreezableList(string name) => _name = name;

    /// <summary>Adds every item of <paramref name="items"/>.</summary>
    public void AddRange(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items) Add(item);
    }

    /// <summary>Makes the list read-only; called by the framework at startup.</summary>
    internal void Freeze() => _frozen = true;

    /// <inheritdoc />
    protected override void InsertItem(int index, T item)
    {
        ThrowIfFrozen();
        base.InsertItem(index, item);
    }

    /// <inheritdoc />
    protected override void SetItem(int index, T item)
    {
        ThrowIfFrozen();
        base.SetItem(index, item);
    }

    /// <inheritdoc />
    protected override void RemoveItem(int index)
    {
        ThrowIfFrozen();
        base.RemoveItem(index);
    }

    /// <inheritdoc />
    protected override void ClearItems()
    {
        ThrowIfFrozen();
        base.ClearItems();
    }

    private void ThrowIfFrozen()
    {
        if (_frozen) throw new InvalidOperationException($"{_name} cannot change after the app has started: set it in AddBaaS(...).");
    }
}
