using System.Linq.Expressions;

namespace BaaS.Data;

/// <summary>
/// A parenthesised group of conditions inside a <see cref="SqlExpression{T}"/>, built by
/// <see cref="SqlExpression{T}.AddGroup"/>: conditions in it combine left to right, each in its own parentheses.
/// </summary>
public sealed class ConditionGroup<T>
{
    private readonly SqlExpression<T> _query;

    internal ConditionGroup(SqlExpression<T> query) => _query = query;

    internal SqlWriter? Sql { get; private set; }

    /// <summary>Adds a run-time condition (see <see cref="SqlExpression{T}.AddCondition"/>).</summary>
    /// <exception cref="ArgumentException"><see cref="QueryTerm.Ensure"/>: an ensured condition belongs to the query, not a group.</exception>
    public ConditionGroup<T> AddCondition(QueryTerm term, string fieldName, SqlOperator op, object? value)
    {
        if (term == QueryTerm.Ensure)
            throw new ArgumentException("QueryTerm.Ensure cannot be used inside a group: call EnsureCondition on the query.", nameof(term));
        var resolved = _query.Resolve(fieldName);
        var w = new SqlWriter();
        Conditions.Write(w, _query.Dialect, _query.ColumnSql(resolved), resolved.Field, op, value);
        Append(term, w);
        return this;
    }

    /// <summary>Adds a lambda condition: <c>(previous) AND (predicate)</c>.</summary>
    public ConditionGroup<T> And(Expression<Func<T, bool>> predicate)
    {
        Append(QueryTerm.And, _query.Translate(predicate, _query.Primary));
        return this;
    }

    /// <summary>Adds a lambda condition: <c>(previous) OR (predicate)</c>.</summary>
    public ConditionGroup<T> Or(Expression<Func<T, bool>> predicate)
    {
        Append(QueryTerm.Or, _query.Translate(predicate, _query.Primary));
        return this;
    }

    /// <summary>Adds a nested group.</summary>
    public ConditionGroup<T> AddGroup(QueryTerm term, Action<ConditionGroup<T>> build)
    {
        var inner = new ConditionGroup<T>(_query);
        build(inner);
        if (inner.Sql != null) Append(term, inner.Sql);
        return this;
    }

    private void Append(QueryTerm term, SqlWriter condition)
    {
        Sql = Sql == null
            ? condition
            : new SqlWriter().Append('(').Append(Sql).Append(term == QueryTerm.Or ? ") OR (" : ") AND (").Append(condition).Append(')');
    }
}
