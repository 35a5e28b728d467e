using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using BaaS.Benchmarks.Load;

// Sends exactly --requests requests over --connections concurrent connections (one worker per connection, each sending
// its next request when the previous one is answered), stops early at --max-seconds, and prints one tab-separated
// line: label, sent, ok, errors, seconds, requests/s, p50 ms, p99 ms, max ms. An error is a non-2xx answer or a
// refused or dropped connection. A request has no timeout of its own: at 1,000 connections on a busy 2-core machine
// a queue of 30 s is an answer, not a failure; requests still unanswered at --max-seconds are counted as not sent.
var options = LoadOptions.Parse(args);
using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Connections,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    ConnectTimeout = TimeSpan.FromSeconds(60),
    UseCookies = false,
    AllowAutoRedirect = false,
};
using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
if (options.Token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
var body = options.Body is null ? null : Encoding.UTF8.GetBytes(options.Body);

var latencies = new long[options.Requests];   // Stopwatch ticks per request, by request number
var next = -1;
var ok = 0;
var errors = 0;
using var deadline = new CancellationTokenSource(options.MaxDuration);
var clock = Stopwatch.StartNew();

async Task Worker()
{
    int n;
    while ((n = Interlocked.Increment(ref next)) < options.Requests && !deadline.IsCancellationRequested)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(options.Method, options.Url);
            if (body is not null) request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            if (response.IsSuccessStatusCode) Interlocked.Increment(ref ok);
            else Interlocked.Increment(ref errors);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            latencies[n] = -1; // cut off by --max-seconds: neither answered nor failed
            return;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            Interlocked.Increment(ref errors); // refused, dropped, or a connect that timed out
        }
        latencies[n] = Stopwatch.GetTimestamp() - started;
    }
}

await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => Task.Run(Worker)));
clock.Stop();

var done = latencies.Where(t => t > 0).Order().ToArray();
double Percentile(double p) => done.Length == 0 ? 0 : done[Math.Min(done.Length - 1, (int)Math.Ceiling(p * done.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
var sent = ok + errors;
Console.WriteLine(string.Join('\t',
    options.Label, sent, ok, errors,
    clock.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture),
    (sent / clock.Elapsed.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture),
    Percentile(0.50).ToString("F1", CultureInfo.InvariantCulture),
    Percentile(0.99).ToString("F1", CultureInfo.InvariantCulture),
    Percentile(1.0).ToString("F1", CultureInfo.InvariantCulture)));
return sent == options.Requests && errors == 0 ? 0 : 1;
