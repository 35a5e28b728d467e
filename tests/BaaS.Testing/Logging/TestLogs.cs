using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BaaS.Testing;

/// <summary>
/// A logger provider that keeps every entry at or above its minimum level, so a test can assert on what the app
/// logged: <c>Assert.Contains(server.Logs.Messages, m =&gt; m.Level == LogLevel.Warning &amp;&amp; m.Message.Contains("..."))</c>.
/// </summary>
public sealed class TestLogs(LogLevel minimumLevel = LogLevel.Information) : ILoggerProvider
{
    private readonly ConcurrentQueue<TestLogEntry> _entries = new();

    /// <summary>The lowest level kept.</summary>
    public LogLevel MinimumLevel { get; } = minimumLevel;

    /// <summary>The entries so far, oldest first (a snapshot).</summary>
    public IReadOnlyList<TestLogEntry> Messages => [.. _entries];

    /// <summary>True when an entry of <paramref name="level"/> or above contains <paramref name="text"/>.</summary>
    public bool Contains(string text, LogLevel level = LogLevel.Trace) =>
        _entries.Any(e => e.Level >= level && e.Message.Contains(text, StringComparison.Ordinal));

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose() { }

    private sealed class Logger(TestLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= owner.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            owner._entries.Enqueue(new TestLogEntry(logLevel, category, eventId, formatter(state, exception), exception));
        }
    }
}
