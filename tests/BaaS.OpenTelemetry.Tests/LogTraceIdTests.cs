using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace BaaS.OpenTelemetry.Tests;

public sealed class LogTraceIdTests
{
    [Fact]
    public async Task A_log_line_written_in_an_operation_carries_its_trace_and_span_ids()
    {
        var logs = new ScopedLogs();
        await using var app = await TelemetryApp.StartAsync(configure: o => o.ConfigureBuilder += builder => builder.Logging.AddProvider(logs));
        var (response, traceId) = await app.PostAsync("Greet", new Greet());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var operation = Assert.Single(await app.RequestTraceAsync(traceId), s => s.Source.Name == BaaSTelemetry.OperationsSourceName);
        var line = Assert.Single(logs.Lines, l => l.Message == "Greeting someone");
        Assert.Equal(traceId.ToHexString(), line.Scope["TraceId"]);
        Assert.Equal(operation.SpanId.ToHexString(), line.Scope["SpanId"]);
        // The console logger prints those scopes.
        Assert.True(app.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
        Assert.True(app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
    }

    [Fact]
    public async Task The_console_logger_prints_the_trace_id_of_each_line()
    {
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(TextWriter.Synchronized(console));
        try
        {
            await using var app = await TelemetryApp.StartAsync(configure: o => o.ConfigureBuilder += builder => builder.Logging.AddConsole());
            var (response, traceId) = await app.PostAsync("Greet", new Greet());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            // The console logger writes from a queue of its own.
            var text = await Eventually.ValueAsync(() => Task.FromResult(console.ToString()), t => t.Contains("Greeting someone"), "the line reaches the console");
            var line = text[..(text.IndexOf("Greeting someone", StringComparison.Ordinal) + 16)];
            line = line[line.LastIndexOf("info:", StringComparison.Ordinal)..];
            Assert.Contains($"TraceId:{traceId.ToHexString()}", line);
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    /// <summary>A logger provider that keeps each line with the values of the scopes around it.</summary>
    private sealed class ScopedLogs : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<(string Message, Dictionary<string, string?> Scope)> Lines { get; } = new();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose() { }

        private sealed class Logger(ScopedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, string?>();
                owner._scopes.ForEachScope((value, values) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                        foreach (var (key, item) in pairs) values[key] = item?.ToString();
                }, scope);
                owner.Lines.Enqueue((formatter(state, exception), scope));
            }
        }
    }
}
