using System.Collections.Concurrent;

namespace BaaS.Tests.Fixtures;

/// <summary>An in-memory store injected into the item services (the framework tests need no database).</summary>
public sealed class ItemStore
{
    private int _nextId;

    public ConcurrentDictionary<int, Item> Items { get; } = new();

    public Item Add(string name, decimal price, int quantity = 0, Category category = Category.Food)
    {
        var item = new Item
        {
            Id = Interlocked.Increment(ref _nextId),
            Name = name,
            Price = price,
            Quantity = quantity,
            Category = category,
            CreatedAt = new DateTime(2026, 11, 22, 10, 30, 0, DateTimeKind.Utc),
        };
        Items[item.Id] = item;
        return item;
    }
}
