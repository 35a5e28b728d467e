using Microsoft.Extensions.Logging;

namespace BaaS.Testing;

/// <summary>One entry an app logged: its level, category (the logger's name), event id, formatted message and exception.</summary>
public sealed record TestLogEntry(LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception);
