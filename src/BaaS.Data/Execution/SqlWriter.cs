using System.Text;

namespace BaaS.Data;

/// <summary>
/// Builds SQL text with parameters kept aside. Placeholders are written only by <see cref="Render"/>, numbered in
/// order, so fragments (a WHERE, a JOIN condition) can be built once and combined into several statements (the
/// page and its count) without unreferenced or misnumbered parameters.
/// </summary>
internal sealed class SqlWriter
{
    private readonly StringBuilder _sb = new();
    private readonly List<(int Position, QueryParam Param)> _params = [];

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
        var result = new StringBuilder(_sb.Length + _params.Count * 4);
        var last = 0;
        var ps = new QueryParam[_params.Count];
        for (var i = 0; i < _params.Count; i++)
        {
            var (pos, p) = _params[i];
            result.Append(_sb, last, pos - last).Append(dialect.ParameterPlaceholder(i));
            ps[i] = p;
            last = pos;
        }
        result.Append(_sb, last, _sb.Length - last);
        return (result.ToString(), ps);
    }

    public override string ToString() => _sb.ToString();
}
