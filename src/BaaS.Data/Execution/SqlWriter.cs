using System.Text;

namespace BaaS.Data;

/// <summary>
/// Builds SQL text with parameters kept aside. Placeholders are written only by <see cref="Render"/>, numbered in
/// order, so fragments (a WHERE, a JOIN condition) can be built once and combined into several statements (the
/// page and its count) without unreferenced or misnumbered parameters.
/// </summary>
internal sealed class SqlWriter
{
    private readonly StringBuilder _sb;
    private readonly List<(int Position, QueryParam Param)> _params = [];

    /// <summary>A writer; <paramref name="capacity"/> sizes its buffer for a whole statement so it does not grow step by step.</summary>
    public SqlWriter(int capacity = 16) => _sb = new StringBuilder(capacity);

    public int Length => _sb.Length;

    public bool IsEmpty => _sb.Length == 0;

    public int ParamCount => _params.Count;

    public SqlWriter Append(string text)
    {
        _sb.Append(text);
        return this;
    }

    public SqlWriter Append(char c)
    {
        _sb.Append(c);
        return this;
    }

    public SqlWriter Param(object? value, FieldDefinition? field)
    {
        _params.Add((_sb.Length, new QueryParam(value, field)));
        return this;
    }

    public SqlWriter Append(SqlWriter fragment)
    {
        var offset = _sb.Length;
        _sb.Append(fragment._sb);
        foreach (var (pos, p) in fragment._params) _params.Add((pos + offset, p));
        return this;
    }

    /// <summary>The SQL with the dialect's placeholders (<c>@p0</c>, <c>$1</c>) and the parameters in placeholder order.</summary>
    public (string Sql, QueryParam[] Params) Render(DialectProvider dialect)
    {
        if (_params.Count == 0) return (_sb.ToString(), []);
        // The text is written once into a string of the exact length (no builder to grow and copy again).
        var ps = new QueryParam[_params.Count];
        var length = _sb.Length;
        for (var i = 0; i < _params.Count; i++)
        {
            ps[i] = _params[i].Param;
            length += dialect.ParameterPlaceholder(i).Length;
        }
        var sql = string.Create(length, (this, dialect), static (span, state) =>
        {
            var (writer, d) = state;
            var (sb, parameters) = (writer._sb, writer._params);
            var last = 0;
            for (var i = 0; i < parameters.Count; i++)
            {
                var pos = parameters[i].Position;
                sb.CopyTo(last, span, pos - last);
                span = span[(pos - last)..];
                var placeholder = d.ParameterPlaceholder(i);
                placeholder.CopyTo(span);
                span = span[placeholder.Length..];
                last = pos;
            }
            sb.CopyTo(last, span, sb.Length - last);
        });
        return (sql, ps);
    }

    public override string ToString() => _sb.ToString();
}
