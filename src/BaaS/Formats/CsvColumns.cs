using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BaaS.Reflection;
using BaaS.Text;

namespace BaaS.Formats;

/// <summary>
/// The CSV columns of a row type: its public readable properties in declaration order (ResponseStatus left out), read
/// through the shared <see cref="TypeModel"/>'s compiled getters. Cells follow the JSON wire format's text forms;
/// nested objects become JSON text; text that a spreadsheet would run as a formula is neutralised.
/// </summary>
internal sealed class CsvColumns
{
    private static readonly ConcurrentDictionary<Type, CsvColumns> Cache = new();

    private readonly (string Name, Func<object, object?> Get)[] _columns;

    private CsvColumns(Type rowType)
    {
        _columns = [.. TypeModel.Of(rowType).Properties
            .Where(p => p.CanRead && p.Type != typeof(ResponseStatus))
            .Select(p => (p.Name, p.Getter))];
    }

    public static CsvColumns Of(Type rowType) => Cache.GetOrAdd(rowType, t => new CsvColumns(t));

    public void AppendHeader(StringBuilder line)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (i > 0) line.Append(',');
            AppendEscaped(line, _columns[i].Name);
        }
        line.Append("\r\n");
    }

    public void AppendRow(StringBuilder line, object row, JsonSerializerOptions json)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (i > 0) line.Append(',');
            AppendCell(line, _columns[i].Get(row), json);
        }
        line.Append("\r\n");
    }

    private static void AppendCell(StringBuilder line, object? value, JsonSerializerOptions json)
    {
        switch (value)
        {
            case null: return;
            case string s: AppendEscaped(line, Neutralized(s)); return;
            case bool b: line.Append(b ? "true" : "false"); return;
            case DateTime d: line.Append(WireFormat.FormatDateTime(d)); return;
            case DateTimeOffset o: line.Append(o.ToString("o", CultureInfo.InvariantCulture)); return;
            case TimeSpan t: line.Append(WireFormat.FormatTimeSpan(t)); return;
            case DateOnly d: line.Append(WireFormat.FormatDateOnly(d)); return;
            case TimeOnly t: line.Append(WireFormat.FormatTimeOnly(t)); return;
            case Enum e: AppendEscaped(line, e.ToString()); return;
            case IFormattable f: AppendEscaped(line, f.ToString(null, CultureInfo.InvariantCulture)); return;
            default: AppendEscaped(line, JsonSerializer.Serialize(value, value.GetType(), json)); return;
        }
    }

    /// <summary>
    /// Text a spreadsheet would run as a formula (<c>=HYPERLINK(...)</c>, <c>+cmd|...</c>, <c>@SUM(...)</c>, or one
    /// starting with a tab or carriage return) gets a leading <c>'</c>, as OWASP advises for CSV exports: the cell then
    /// shows the text instead of running it. Numbers are written by their own case and keep their sign.
    /// </summary>
    private static string Neutralized(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static void AppendEscaped(StringBuilder line, string text)
    {
        var needsQuotes = text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '));
        if (!needsQuotes)
        {
            line.Append(text);
            return;
        }
        line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
