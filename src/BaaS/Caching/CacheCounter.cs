namespace BaaS;

/// <summary>A counter after an increment (<see cref="ICache.CountAsync"/>): its new value and how long it still lives.</summary>
/// <param name="Value">The value after the increment.</param>
/// <param name="TimeToLive">The time left before the counter expires (its window's end), read in the same atomic step.</param>
public readonly record struct CacheCounter(long Value, TimeSpan TimeToLive);
