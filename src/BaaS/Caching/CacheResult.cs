using System.Diagnostics.CodeAnalysis;

namespace BaaS;

/// <summary>
/// What <see cref="ICache.GetAsync{T}"/> found: a hit, whose <see cref="Value"/> may be a stored null or default, or a
/// miss (<see cref="HasValue"/> false). A miss answered because the store could not be reached says so
/// (<see cref="StoreUnavailable"/>), for callers that must not take it for an absent key.
/// </summary>
public readonly record struct CacheResult<T>
{
    private readonly T? _value;

    private CacheResult(T? value)
    {
        _value = value;
        HasValue = true;
    }

    private CacheResult(bool storeUnavailable) => StoreUnavailable = storeUnavailable;

    /// <summary>The miss.</summary>
    public static CacheResult<T> Miss => default;

    /// <summary>The miss of a read that could not reach the store: the key may hold a value.</summary>
    public static CacheResult<T> Unavailable => new(storeUnavailable: true);

    /// <summary>A hit holding <paramref name="value"/>.</summary>
    public static CacheResult<T> Hit(T? value) => new(value);

    /// <summary>True for a hit (even of a stored null), false for a miss.</summary>
    public bool HasValue { get; }

    /// <summary>
    /// True for a miss answered because the store could not be reached (Redis away): a caller whose correctness rests
    /// on the value (a deny list read in fail-closed mode) refuses then; everyone else treats it as any miss.
    /// </summary>
    public bool StoreUnavailable { get; }

    /// <summary>The stored value (null included).</summary>
    /// <exception cref="InvalidOperationException">A miss has no value: check <see cref="HasValue"/> or use <see cref="TryGetValue"/>.</exception>
    public T? Value => HasValue ? _value : throw new InvalidOperationException("A cache miss has no value: check HasValue first.");

    /// <summary>The value on a hit, <paramref name="fallback"/> on a miss.</summary>
    public T? ValueOr(T? fallback) => HasValue ? _value : fallback;

    /// <summary>True and the value on a hit; false on a miss.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value!;
        return HasValue;
    }

    /// <inheritdoc />
    public override string ToString() => HasValue ? $"Hit({_value})" : StoreUnavailable ? "Miss (store unavailable)" : "Miss";
}
