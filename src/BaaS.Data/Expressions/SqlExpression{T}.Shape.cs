using System.Linq.Expressions;

namespace BaaS.Data;

public sealed partial class SqlExpression<T>
{
    /// <summary>Orders by a column (or aggregate), ascending. Replaces any earlier order.</summary>
    public SqlExpression<T> OrderBy<TKey>(Expression<Func<T, TKey>> key)
    {
        OrderByItems.Clear();
        return ThenBy(key);
    }

    /// <summary>Orders by a column (or aggregate), descending. Replaces any earlier order.</summary>
    public SqlExpression<T> OrderByDescending<TKey>(Expression<Func<T, TKey>> key)
    {
        OrderByItems.Clear();
        return ThenByDescending(key);
    }

    /// <summary>Adds a column to the order, ascending.</summary>
    public SqlExpression<T> ThenBy<TKey>(Expression<Func<T, TKey>> key)
    {
        OrderByItems.Add(ColumnOf(key, Primary));
        return this;
    }

    /// <summary>Adds a column to the order, descending.</summary>
    public SqlExpression<T> ThenByDescending<TKey>(Expression<Func<T, TKey>> key)
    {
        OrderByItems.Add(ColumnOf(key, Primary) + " DESC");
        return this;
    }

    /// <summary>Adds a column of a joined table to the order.</summary>
    public SqlExpression<T> ThenBy<TJoin, TKey>(Expression<Func<TJoin, TKey>> key, bool descending = false)
    {
        OrderByItems.Add(ColumnOf(key, TableOf(typeof(TJoin))) + (descending ? " DESC" : ""));
        return this;
    }

    /// <summary>
    /// Selects chosen columns or aggregates: <c>x =&gt; x.Name</c>, <c>x =&gt; new { x.Id, x.Name }</c>,
    /// <c>x =&gt; new { x.Status, Total = Sql.Sum(x.Total) }</c>. Each is read back by the member's name.
    /// </summary>
    public SqlExpression<T> Select<TResult>(Expression<Func<T, TResult>> selector)
    {
        SelectItems = Projection(selector, Primary);
        return this;
    }

    /// <summary>Selects columns from the FROM table and a joined table: <c>(o, c) =&gt; new { o.Id, CustomerName = c.Name }</c>.</summary>
    public SqlExpression<T> Select<TJoin, TResult>(Expression<Func<T, TJoin, TResult>> selector)
    {
        SelectItems = Projection(selector, Primary, TableOf(typeof(TJoin)));
        return this;
    }

    /// <summary>Groups by one or more columns: <c>x =&gt; x.Status</c> or <c>x =&gt; new { x.Status, x.CustomerId }</c>.</summary>
    public SqlExpression<T> GroupBy<TKey>(Expression<Func<T, TKey>> keys)
    {
        foreach (var item in Projection(keys, Primary)) GroupByItems.Add(item.Sql);
        return this;
    }

    /// <summary>Filters groups: <c>x =&gt; Sql.Sum(x.Total) &gt; 100</c>; ANDed with earlier HAVING conditions.</summary>
    public SqlExpression<T> Having(Expression<Func<T, bool>> predicate)
    {
        var condition = Translate(predicate, Primary);
        HavingClause = HavingClause == null
            ? condition
            : new SqlWriter().Append('(').Append(HavingClause).Append(") AND (").Append(condition).Append(')');
        return this;
    }

    private string ColumnOf(LambdaExpression key, params TableRef[] refs) =>
        ExpressionWriter.For(Dialect, key, refs).Column(key.Body).Sql;

    // new { x.Id, Total = Sql.Sum(x.Total) } -> "order"."id" AS "Id", SUM("order"."total") AS "Total"
    private List<SelectItem> Projection(LambdaExpression selector, params TableRef[] refs)
    {
        var writer = ExpressionWriter.For(Dialect, selector, refs);
        var items = new List<SelectItem>();
        switch (selector.Body)
        {
            case NewExpression { Members: not null } n:
                for (var i = 0; i < n.Arguments.Count; i++)
                {
                    var (sql, field) = writer.Column(n.Arguments[i]);
                    items.Add(new SelectItem(sql, n.Members[i].Name, field));
                }
                break;
            case MemberInitExpression init:
                foreach (var binding in init.Bindings.OfType<MemberAssignment>())
                {
                    var (sql, field) = writer.Column(binding.Expression);
                    items.Add(new SelectItem(sql, binding.Member.Name, field));
                }
                break;
            default:
            {
                var (sql, field) = writer.Column(selector.Body);
                var alias = selector.Body is MemberExpression m ? m.Member.Name : field?.Name ?? "value";
                items.Add(new SelectItem(sql, alias, field));
                break;
            }
        }
        return items;
    }
}
