// Upload throughput and server memory for concurrent uploads (issue 19's benchmark).
//   server --urls http://127.0.0.1:PORT [Files:S3:... settings from the environment]   an app storing every upload
//   load http://127.0.0.1:PORT COUNT SIZE_MB                                          COUNT uploads at once, SIZE_MB each
// The load side generates the bytes as it sends them (nothing allocated per upload) and prints one line:
// "uploads=100 size_mb=5 seconds=... mb_per_s=... server_peak_working_set_mb=... server_heap_mb=... server_allocated_mb=..."
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using BaaS;
using BaaS.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

if (args.Length > 0 && args[0] == "load") return await Load.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
builder.Services.AddBaaS(o => o.ServiceTypes.Add(typeof(BenchServices)));
builder.Services.AddFiles(o => o.Locations.Add(new FileLocation("bench")
{
    AllowedTypes = ["application/octet-stream"],
    MaxBytes = 64 * 1024 * 1024,
    Write = FileAccessRule.Public,
}));
builder.Services.AddFilesS3(builder.Configuration, builder.Environment);
var app = builder.Build();
app.MapGet("/bench/memory", () =>
{
    using var process = Process.GetCurrentProcess();
    return Results.Json(new
    {
        peakWorkingSet = process.PeakWorkingSet64,
        workingSet = process.WorkingSet64,
        heap = GC.GetGCMemoryInfo().HeapSizeBytes,
        allocated = GC.GetTotalAllocatedBytes(),
    });
});
app.UseBaaS();
app.Run();
return 0;

/// <summary>Stores one upload in the bench location.</summary>
public class UploadBlob : IReturn<UploadBlobResponse>, IPost
{
    [UploadTo("bench")]
    public UploadedFile? File { get; set; }
}

public class UploadBlobResponse
{
    public string Url { get; set; } = "";
    public long Length { get; set; }
}

public class BenchServices : Service
{
    public async Task<UploadBlobResponse> Post(UploadBlob request)
    {
        var stored = await Files.SaveAsync("bench", request.File ?? throw HttpError.BadRequest("No file."), request, CancellationToken);
        return new UploadBlobResponse { Url = stored.Url, Length = stored.Length };
    }
}

internal static class Load
{
    public static async Task<int> RunAsync(string[] args)
    {
        var baseUrl = args[1];
        var count = int.Parse(args[2], CultureInfo.InvariantCulture);
        var size = long.Parse(args[3], CultureInfo.InvariantCulture) * 1024 * 1024;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = count }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10) };
        // Warm up (JIT, the first request's one-time work) with a tenth of the uploads, then measure all of them.
        await SendAsync(http, Math.Max(1, count / 10), size);
        var before = await MemoryAsync(http);
        var clock = Stopwatch.StartNew();
        var results = await SendAsync(http, count, size);
        clock.Stop();
        var after = await MemoryAsync(http);
        var failed = results.Count(ok => !ok);
        var mb = count * size / 1024.0 / 1024.0;
        var peak = after.GetProperty("peakWorkingSet").GetInt64() / 1048576.0;
        var heap = after.GetProperty("heap").GetInt64() / 1048576.0;
        var allocated = (after.GetProperty("allocated").GetInt64() - before.GetProperty("allocated").GetInt64()) / 1048576.0;
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"uploads={count} failed={failed} size_mb={size / 1048576} seconds={seconds:0.00} mb_per_s={mb / seconds:0.0} server_peak_working_set_mb={peak:0} server_heap_mb={heap:0} server_allocated_mb={allocated:0}"));
        return failed == 0 ? 0 : 1;
    }

    private static async Task<bool[]> SendAsync(HttpClient http, int count, long size) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            using var form = new MultipartFormDataContent();
            var file = new StreamContent(new Generated(size, i), 64 * 1024);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            file.Headers.ContentLength = size;
            form.Add(file, "file", $"blob-{i}.bin");
            using var response = await http.PostAsync("/api/UploadBlob", form);
            return response.IsSuccessStatusCode;
        }));

    private static async Task<JsonElement> MemoryAsync(HttpClient http) =>
        JsonDocument.Parse(await http.GetStringAsync("/bench/memory")).RootElement.Clone();

    /// <summary>Bytes generated as they are read; nothing is allocated per read.</summary>
    private sealed class Generated(long length, int seed) : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            if (n <= 0) return 0;
            buffer[..n].Fill((byte)(seed + _position / 65536));
            if (_position == 0) buffer[0] = 0; // a NUL: binary, application/octet-stream
            _position += n;
            return n;
        }
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
