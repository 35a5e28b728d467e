namespace BaaS.Redis.Tests.Caching;

public enum DishKind { Starter, Main, Dessert }

/// <summary>A value with every kind of field the wire JSON carries.</summary>
public sealed record Dish(string Name, decimal Price, DateTime AddedUtc, DateTimeOffset? Seen, List<string> Tags, DishKind Kind, Guid Id,
    TimeSpan Preparation, string? Note);
