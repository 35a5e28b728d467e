using System.Diagnostics;

namespace BaaS.OpenTelemetry.Tests;

/// <summary>Waits on a condition with a deadline, instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (clock.Elapsed > limit) Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s waiting until {what}.");
            await Task.Delay(20);
        }
    }
}
