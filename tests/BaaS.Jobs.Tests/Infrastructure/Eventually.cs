using System.Diagnostics;

namespace BaaS.Jobs.Tests;

/// <summary>Waits on a condition with a deadline, instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            if (await condition()) return;
            if (clock.Elapsed > limit) Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s waiting until {what}.");
            await Task.Delay(20);
        }
    }

    /// <summary>Polls <paramref name="read"/> until its value satisfies <paramref name="condition"/>, and answers it.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var value = default(T)!;
        await UntilAsync(async () => condition(value = await read()), what, timeout);
        return value;
    }
}
