using System.Linq.Expressions;

namespace BaaS.Data;

public sealed partial class SqlExpression<T>
{
    /// <summary>
    /// Inner-joins <typeparamref name="TJoin"/> on the reference between it and a table already in the query: a
    /// <c>[References]</c>/<c>[ForeignKey]</c> field, or a <c>{Model}Id</c> field, on either side.
    /// </summary>
    public SqlExpression<T> Join<TJoin>() => AddJoin(typeof(TJoin), "INNER JOIN", null);

    /// <summary>Inner-joins <typeparamref name="TJoin"/> on an explicit condition: <c>(o, c) =&gt; o.CustomerId == c.Id</c>.</summary>
    public SqlExpression<T> Join<TJoin>(Expression<Func<T, TJoin, bool>> on) => AddJoin(typeof(TJoin), "INNER JOIN", on, typeof(T));

    /// <summary>Inner-joins <typeparamref name="TJoin"/> to an already joined <typeparamref name="TSource"/>.</summary>
    public SqlExpression<T> Join<TSource, TJoin>(Expression<Func<TSource, TJoin, bool>> on) =>
        AddJoin(typeof(TJoin), "INNER JOIN", on, typeof(TSource));

    /// <summary>Inner-joins a table chosen at run time (e.g. from a DTO's <c>IJoin&lt;A, B&gt;</c>) on its reference.</summary>
    public SqlExpression<T> Join(Type joinType) => AddJoin(joinType, "INNER JOIN", null);

    /// <summary>Left-joins a table chosen at run time on its reference.</summary>
    public SqlExpression<T> LeftJoin(Type joinType) => AddJoin(joinType, "LEFT JOIN", null);

    /// <summary>Left-joins <typeparamref name="TJoin"/> on the reference between it and a table already in the query.</summary>
    public SqlExpression<T> LeftJoin<TJoin>() => AddJoin(typeof(TJoin), "LEFT JOIN", null);

    /// <summary>Left-joins <typeparamref name="TJoin"/> on an explicit condition.</summary>
    public SqlExpression<T> LeftJoin<TJoin>(Expression<Func<T, TJoin, bool>> on) => AddJoin(typeof(TJoin), "LEFT JOIN", on, typeof(T));

    /// <summary>Left-joins <typeparamref name="TJoin"/> to an already joined <typeparamref name="TSource"/>.</summary>
    public SqlExpression<T> LeftJoin<TSource, TJoin>(Expression<Func<TSource, TJoin, bool>> on) =>
        AddJoin(typeof(TJoin), "LEFT JOIN", on, typeof(TSource));

    private SqlExpression<T> AddJoin(Type joinType, string kind, LambdaExpression? on, Type? sourceType = null)
    {
        if (AllTables().Any(t => t.Model.ModelType == joinType))
            throw new NotSupportedException($"{joinType.Name} is already part of this query; joining a table twice is not supported.");
        var model = ModelDefinition.For(joinType);
        var table = new TableRef(model, Dialect.QuoteTable(model));
        SqlWriter condition;
        if (on != null)
        {
            var source = TableOf(sourceType!);
            // The joined table is not in AllTables yet, so map the lambda's parameters directly.
            condition = new SqlWriter();
            ExpressionWriter.For(Dialect, on, source, table).Predicate(condition, on.Body);
        }
        else condition = InferJoin(table);
        Joins.Add(new JoinClause(kind, table, condition));
        return this;
    }

    // "order"."customer_id" = "customer"."id"
    private SqlWriter InferJoin(TableRef join)
    {
        foreach (var source in AllTables())
        {
            if (Relations.Link(source.Model, join.Model) is { } forward)
                return new SqlWriter().Append(Dialect.Column(source.Qualifier, forward)).Append(" = ")
                    .Append(Dialect.Column(join.Qualifier, join.Model.GetPrimaryKey()));
            if (Relations.Link(join.Model, source.Model) is { } backward)
                return new SqlWriter().Append(Dialect.Column(join.Qualifier, backward)).Append(" = ")
                    .Append(Dialect.Column(source.Qualifier, source.Model.GetPrimaryKey()));
        }
        throw new InvalidOperationException(
            $"Cannot tell how to join {join.Model.Name} to {string.Join(", ", Tables.Select(t => t.Name))}: add [References(typeof(...))] " +
            $"or a {{Model}}Id field, or pass the ON condition: Join<{join.Model.Name}>((a, b) => a.XId == b.Id).");
    }
}
