using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace BaaS.ServerEvents.Benchmarks;

/// <summary>
/// Starts the node as a child process, opens the subscriptions (each its own user and connection), and measures the
/// node's memory per subscription and the delay from publishing to receipt, to all subscribers and to one user, beside
/// the round trip of a plain GET in the same run (the baseline).
/// </summary>
public static class BenchClient
{
    public static async Task<int> RunAsync(int subscribers, int broadcasts, int userMessages)
    {
        using var server = StartServer(out var baseUrl);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = new Uri(baseUrl), Timeout = Timeout.InfiniteTimeSpan,
            };
            var ping = await PingAsync(http, 300);
            await using (var warm = await Subscribers.OpenAsync(http, 50, "warm")) await warm.BroadcastAsync(http, 0, 3);
            var before = await MemoryAsync(http);
            await using var subscribersOpen = await Subscribers.OpenAsync(http, subscribers, "u");
            var after = await MemoryAsync(http);

            var all = new List<double>();
            var last = new List<double>();
            for (var seq = 1; seq <= broadcasts; seq++)
            {
                var delays = await subscribersOpen.BroadcastAsync(http, seq, 1);
                all.AddRange(delays);
                last.Add(delays.Max());
                await Task.Delay(100);
            }
            var one = new List<double>();
            var random = new Random(42);
            for (var seq = 1; seq <= userMessages; seq++) one.Add(await subscribersOpen.ToUserAsync(http, random.Next(subscribers), 1_000_000 + seq));

            var perSubscription = (after.Managed - before.Managed) / (double)subscribers;
            var workingSet = (after.WorkingSet - before.WorkingSet) / (double)subscribers;
            Console.WriteLine($"subscribers: {subscribers} ({after.Subscriptions} on the node), broadcasts: {broadcasts}, messages to one user: {userMessages}");
            Console.WriteLine();
            Console.WriteLine("| measure | p50 | p99 | ratio to the GET round trip (p50) |");
            Console.WriteLine("|---|---|---|---|");
            Row("GET /bench/ping round trip (baseline)", ping, ping);
            Row($"publish -> receipt, to all {subscribers} (every receipt)", all, ping);
            Row($"publish -> receipt by the last of the {subscribers}", last, ping);
            Row("publish -> receipt, to one user", one, ping);
            Console.WriteLine();
            Console.WriteLine($"node memory per subscription: {perSubscription / 1024:0.0} KiB managed (after a full GC), {workingSet / 1024:0.0} KiB working set");
            return 0;
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
        }
    }

    private static void Row(string name, List<double> values, List<double> baseline) =>
        Console.WriteLine($"| {name} | {Percentile(values, 50):0.00} ms | {Percentile(values, 99):0.00} ms | {Percentile(values, 50) / Percentile(baseline, 50):0.0} |");

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static async Task<List<double>> PingAsync(HttpClient http, int count)
    {
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            (await http.GetAsync("/bench/ping")).EnsureSuccessStatusCode();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return times[(count / 3)..]; // the first third warms up
    }

    private sealed record Memory(long Managed, long WorkingSet, int Subscriptions);

    private static async Task<Memory> MemoryAsync(HttpClient http) =>
        JsonSerializer.Deserialize<Memory>(await http.GetStringAsync("/bench/memory"), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static Process StartServer(out string baseUrl)
    {
        var info = new ProcessStartInfo("dotnet", [typeof(BenchClient).Assembly.Location, "server"])
        {
            RedirectStandardOutput = true, UseShellExecute = false,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["BaaS__ServerEvents__MaxSubscriptionsPerAddress"] = "100000" },
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("the node did not start");
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the node exited");
        baseUrl = line["listening ".Length..];
        return process;
    }

    /// <summary>Open streams, each read by a task that records when each tick arrives.</summary>
    private sealed class Subscribers : IAsyncDisposable
    {
        private readonly List<(HttpResponseMessage Response, Task Reader)> _streams = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentDictionary<int, ConcurrentBag<double>> _received = new();

        public static async Task<Subscribers> OpenAsync(HttpClient http, int count, string prefix)
        {
            var subscribers = new Subscribers();
            var connected = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "/event-stream?channels=bench");
                request.Headers.Add("X-Bench-User", prefix + i.ToString(CultureInfo.InvariantCulture));
                var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                response.EnsureSuccessStatusCode();
                var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
                var connect = await reader.ReadLineAsync(ct); // id: of cmd.onConnect
                await reader.ReadLineAsync(ct);
                await reader.ReadLineAsync(ct);
                Interlocked.Increment(ref connected);
                lock (subscribers._streams) subscribers._streams.Add((response, subscribers.ReadAsync(reader)));
            });
            return subscribers;
        }

        private async Task ReadAsync(StreamReader reader)
        {
            try
            {
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (!line.StartsWith("data: ", StringComparison.Ordinal) || !line.Contains("cmd.BenchTick", StringComparison.Ordinal)) continue;
                    var now = Stopwatch.GetTimestamp();
                    using var json = JsonDocument.Parse(line[(line.IndexOf('{', StringComparison.Ordinal))..]);
                    var sent = json.RootElement.GetProperty("sent").GetInt64();
                    var seq = json.RootElement.GetProperty("seq").GetInt32();
                    _received.GetOrAdd(seq, _ => []).Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // closed
            }
        }

        public async Task<List<double>> BroadcastAsync(HttpClient http, int seq, int times)
        {
            List<double> delays = [];
            for (var t = 0; t < times; t++)
            {
                var id = seq * 10 + t;
                (await http.PostAsync($"/bench/publish-all?seq={id}", null)).EnsureSuccessStatusCode();
                delays = await WaitForAsync(id, _streams.Count);
            }
            return delays;
        }

        public async Task<double> ToUserAsync(HttpClient http, int user, int seq)
        {
            (await http.PostAsync($"/bench/publish-user?user=u{user}&seq={seq}", null)).EnsureSuccessStatusCode();
            return (await WaitForAsync(seq, 1)).Single();
        }

        private async Task<List<double>> WaitForAsync(int seq, int count)
        {
            var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
            while (!_received.TryGetValue(seq, out var bag) || bag.Count < count)
            {
                if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"message {seq} reached {(_received.TryGetValue(seq, out var b) ? b.Count : 0)} of {count} subscribers in 60 s");
                await Task.Delay(1);
            }
            return [.. _received[seq]];
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            foreach (var (response, _) in _streams) response.Dispose();
            await Task.WhenAll(_streams.Select(s => s.Reader));
        }
    }
}
