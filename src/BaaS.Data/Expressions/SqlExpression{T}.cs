using System.Linq.Expressions;

namespace BaaS.Data;

/// <summary>
/// A typed query over <typeparamref name="T"/> (from <c>db.From&lt;T&gt;()</c>), composed with lambdas
/// (<c>Where</c>, <c>OrderBy</c>, <c>Select</c>, <c>Join</c>) or, for queries chosen at run time (AutoQuery), with
/// field names and operators from closed sets (<see cref="AddCondition"/>, <see cref="OrderByFields(string)"/>,
/// <see cref="SelectFields"/>). Run it with <c>db.Select(q)</c>, <c>db.Count(q)</c>, <c>db.Single(q)</c> and friends.
/// </summary>
/// <typeparam name="T">The model of the FROM table.</typeparam>
public sealed partial class SqlExpression<T> : SqlExpression
{
    /// <summary>Starts a query over <typeparamref name="T"/> for <paramref name="dialect"/>.</summary>
    public SqlExpression(DialectProvider dialect) : base(dialect, ModelDefinition.For<T>())
    {
    }

    /// <summary>Adds a condition, ANDed with the ones before.</summary>
    public SqlExpression<T> Where(Expression<Func<T, bool>> predicate) => And(predicate);

    /// <summary>Adds a condition: <c>(previous) AND (predicate)</c>.</summary>
    public SqlExpression<T> And(Expression<Func<T, bool>> predicate)
    {
        AppendCondition(QueryTerm.And, Translate(predicate, Primary));
        return this;
    }

    /// <summary>Adds a condition: <c>(previous) OR (predicate)</c>.</summary>
    public SqlExpression<T> Or(Expression<Func<T, bool>> predicate)
    {
        AppendCondition(QueryTerm.Or, Translate(predicate, Primary));
        return this;
    }

    /// <summary>Adds a condition on a joined table, ANDed with the ones before.</summary>
    public SqlExpression<T> Where<TJoin>(Expression<Func<TJoin, bool>> predicate) => And(predicate);

    /// <summary>Adds a condition on a joined table: <c>(previous) AND (predicate)</c>.</summary>
    public SqlExpression<T> And<TJoin>(Expression<Func<TJoin, bool>> predicate)
    {
        AppendCondition(QueryTerm.And, Translate(predicate, TableOf(typeof(TJoin))));
        return this;
    }

    /// <summary>Adds a condition on a joined table: <c>(previous) OR (predicate)</c>.</summary>
    public SqlExpression<T> Or<TJoin>(Expression<Func<TJoin, bool>> predicate)
    {
        AppendCondition(QueryTerm.Or, Translate(predicate, TableOf(typeof(TJoin))));
        return this;
    }

    /// <summary>Adds a condition over two of the query's tables, ANDed with the ones before.</summary>
    public SqlExpression<T> Where<T1, T2>(Expression<Func<T1, T2, bool>> predicate)
    {
        AppendCondition(QueryTerm.And, Translate(predicate, TableOf(typeof(T1)), TableOf(typeof(T2))));
        return this;
    }

    /// <summary>
    /// Adds a condition that always applies, outside every other condition: the WHERE becomes
    /// <c>(all other conditions) AND (ensured)</c>, so no later OR can widen it. For tenant filters and the like.
    /// </summary>
    public SqlExpression<T> Ensure(Expression<Func<T, bool>> predicate)
    {
        Ensures.Add(Translate(predicate, Primary));
        return this;
    }

    /// <summary>Skips <paramref name="rows"/> rows (OFFSET); null for none.</summary>
    public SqlExpression<T> Skip(int? rows)
    {
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), "Skip cannot be negative.");
        Offset = rows;
        return this;
    }

    /// <summary>Returns at most <paramref name="rows"/> rows (LIMIT); null for no limit.</summary>
    public SqlExpression<T> Take(int? rows)
    {
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), "Take cannot be negative.");
        Rows = rows;
        return this;
    }

    /// <summary>Skip and Take in one call.</summary>
    public SqlExpression<T> Limit(int? skip, int? take) => Skip(skip).Take(take);

    /// <summary>Returns distinct rows only.</summary>
    public SqlExpression<T> Distinct(bool distinct = true)
    {
        IsDistinct = distinct;
        return this;
    }

    internal SqlWriter Translate(LambdaExpression predicate, params TableRef[] refs)
    {
        var w = new SqlWriter();
        ExpressionWriter.For(Dialect, predicate, refs).Predicate(w, predicate.Body);
        return w;
    }

    internal TableRef TableOf(Type type)
    {
        foreach (var t in AllTables())
            if (t.Model.ModelType == type) return t;
        throw new InvalidOperationException(
            $"{type.Name} is not part of this query over {Model.Name}: add it with Join<{type.Name}>() or LeftJoin<{type.Name}>() first.");
    }
}
