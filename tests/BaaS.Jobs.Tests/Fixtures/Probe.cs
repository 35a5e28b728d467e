using System.Collections.Concurrent;

namespace BaaS.Jobs.Tests;

/// <summary>
/// What the test commands saw, shared by every node in the test process (keys are unique per test): each run, and
/// gates that hold a command until the test opens them.
/// </summary>
public static class Probe
{
    public sealed record Run(string Key, long JobId, int Attempt, string Node, DateTime Start, DateTime End, string? User, bool TokenFired, object? Arg);

    private static readonly ConcurrentQueue<Run> Runs = new();
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();

    public static void Record(Run run) => Runs.Enqueue(run);

    public static List<Run> RunsOf(string key) => Runs.Where(r => r.Key == key).OrderBy(r => r.Start).ToList();

    public static Task Gate(string key) => Gates.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public static void Open(string key) => Gates.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public static string NewKey() => Guid.NewGuid().ToString("N");
}
