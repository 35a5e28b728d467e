using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

namespace BaaS.Data;

/// <summary>
/// Translates query lambdas to SQL. For <c>x =&gt; x.Total &gt; 10 &amp;&amp; x.Name.StartsWith("Pi") &amp;&amp; ids.Contains(x.Id)</c>
/// it writes <c>(("order"."total" &gt; @p0) AND (baas_lower("order"."name") LIKE @p1 ESCAPE '\')) AND ("order"."id" IN (@p2, @p3))</c>
/// (SQLite; PostgreSQL uses ILIKE). Members of the lambda's parameters become columns from model metadata; every
/// other sub-expression (constants, captured variables, method calls on them) is evaluated in C# and becomes a
/// parameter converted for the column it is compared with. Anything else throws <see cref="NotSupportedException"/>
/// naming the expression.
/// </summary>
internal sealed partial class ExpressionWriter(DialectProvider dialect, IReadOnlyDictionary<ParameterExpression, TableRef> tables)
{
    private abstract record OperandBase;

    /// <summary>A column, or an SQL expression over columns (lower(col), SUM(col)); the field decides conversions.</summary>
    private sealed record ColumnOperand(string Sql, FieldDefinition? Field) : OperandBase;

    private sealed record ValueOperand(object? Value) : OperandBase;

    public static ExpressionWriter For(DialectProvider dialect, LambdaExpression lambda, params TableRef[] refs)
    {
        var map = new Dictionary<ParameterExpression, TableRef>();
        for (var i = 0; i < lambda.Parameters.Count && i < refs.Length; i++) map[lambda.Parameters[i]] = refs[i];
        return new ExpressionWriter(dialect, map);
    }

    /// <summary>Writes a boolean expression as an SQL condition.</summary>
    public void Predicate(SqlWriter w, Expression e)
    {
        switch (e.NodeType)
        {
            case ExpressionType.AndAlso:
            case ExpressionType.OrElse:
            {
                var b = (BinaryExpression)e;
                w.Append("((");
                Predicate(w, b.Left);
                w.Append(e.NodeType == ExpressionType.AndAlso ? ") AND (" : ") OR (");
                Predicate(w, b.Right);
                w.Append("))");
                return;
            }
            case ExpressionType.Not:
                w.Append("NOT (");
                Predicate(w, ((UnaryExpression)e).Operand);
                w.Append(')');
                return;
            case ExpressionType.Equal:
            case ExpressionType.NotEqual:
            case ExpressionType.LessThan:
            case ExpressionType.LessThanOrEqual:
            case ExpressionType.GreaterThan:
            case ExpressionType.GreaterThanOrEqual:
                Comparison(w, (BinaryExpression)e);
                return;
            case ExpressionType.Convert:
                Predicate(w, ((UnaryExpression)e).Operand);
                return;
            case ExpressionType.Call:
                Call(w, (MethodCallExpression)e);
                return;
        }

        if (!ReferencesTables(e))
        {
            // A condition that does not depend on the row (a captured flag): constant true or false.
            w.Append(Evaluate(e) is true ? "1 = 1" : "1 = 0");
            return;
        }
        if (e is MemberExpression { Member.Name: "HasValue" } hv && Nullable.GetUnderlyingType(hv.Expression!.Type) != null)
        {
            var col = ColumnOf(hv.Expression!, hv);
            w.Append(col.Sql).Append(" IS NOT NULL");
            return;
        }
        if (e.Type == typeof(bool) && Operand(e) is ColumnOperand boolColumn)
        {
            // A bool column used as a condition: x => x.IsActive
            w.Append(boolColumn.Sql).Append(" = ").Param(true, boolColumn.Field);
            return;
        }
        throw Unsupported(e);
    }

    /// <summary>The SQL of a column or aggregate expression (no parameters), for SELECT, ORDER BY and GROUP BY.</summary>
    public (string Sql, FieldDefinition? Field) Column(Expression e)
    {
        if (Operand(e) is ColumnOperand c) return (c.Sql, c.Field);
        throw new NotSupportedException($"'{e}' is not a column or aggregate of the query's tables.");
    }

    private void Comparison(SqlWriter w, BinaryExpression b)
    {
        var op = e2op(b.NodeType);
        var left = Operand(b.Left);
        var right = Operand(b.Right);
        if (left is ValueOperand && right is ColumnOperand)
        {
            (left, right) = (right, left);
            op = Flip(op);
        }
        switch (left, right)
        {
            case (ColumnOperand col, ValueOperand val):
                Conditions.Write(w, dialect, col.Sql, col.Field, op, val.Value);
                return;
            case (ColumnOperand a, ColumnOperand c):
            {
                var (aSql, cSql) = SameStorage(a, c);
                w.Append(aSql).Append(Conditions.Symbol(op)).Append(cSql);
                return;
            }
            default:
                w.Append(Evaluate(b) is true ? "1 = 1" : "1 = 0");
                return;
        }

        static SqlOperator e2op(ExpressionType t) => t switch
        {
            ExpressionType.Equal => SqlOperator.Equal,
            ExpressionType.NotEqual => SqlOperator.NotEqual,
            ExpressionType.LessThan => SqlOperator.LessThan,
            ExpressionType.LessThanOrEqual => SqlOperator.LessThanOrEqual,
            ExpressionType.GreaterThan => SqlOperator.GreaterThan,
            _ => SqlOperator.GreaterThanOrEqual,
        };
    }

    // Two decimal columns compare in the same units: a scaled integer at scale 2 against one at scale 3 is multiplied
    // by 10 ("a"."price" * 10 > "b"."cost").
    private (string A, string C) SameStorage(ColumnOperand a, ColumnOperand c)
    {
        if (a.Field?.Kind != DataKind.Decimal || c.Field?.Kind != DataKind.Decimal) return (a.Sql, c.Sql);
        var (sa, sc) = (dialect.DecimalStorageScale(a.Field), dialect.DecimalStorageScale(c.Field));
        if (sa == sc) return (a.Sql, c.Sql);
        // Against exact text, the scaled side is spelt as decimal text too ("price" || 'e-2'), compared by the text
        // column's decimal collation.
        if (sa == null) return (a.Sql, dialect.SelectedValue(c.Sql, c.Field));
        if (sc == null) return (dialect.SelectedValue(a.Sql, a.Field), c.Sql);
        var factor = ScaledDecimal.Pow10(Math.Abs(sa.Value - sc.Value)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return sa < sc ? ($"({a.Sql} * {factor})", c.Sql) : (a.Sql, $"({c.Sql} * {factor})");
    }

    private static SqlOperator Flip(SqlOperator op) => op switch
    {
        SqlOperator.LessThan => SqlOperator.GreaterThan,
        SqlOperator.LessThanOrEqual => SqlOperator.GreaterThanOrEqual,
        SqlOperator.GreaterThan => SqlOperator.LessThan,
        SqlOperator.GreaterThanOrEqual => SqlOperator.LessThanOrEqual,
        _ => op,
    };

    private void Call(SqlWriter w, MethodCallExpression call)
    {
        var m = call.Method;
        if (m.DeclaringType == typeof(string) && call.Object != null)
        {
            switch (m.Name)
            {
                case nameof(string.StartsWith):
                case nameof(string.EndsWith):
                case nameof(string.Contains):
                {
                    // The StringComparison argument, if any, is ignored: these are always case-insensitive.
                    if (call.Arguments.Count == 0 || call.Arguments[0].Type != typeof(string) || ReferencesTables(call.Arguments[0]))
                        throw Unsupported(call);
                    var col = ColumnOf(call.Object, call);
                    var op = m.Name switch
                    {
                        nameof(string.StartsWith) => SqlOperator.StartsWith,
                        nameof(string.EndsWith) => SqlOperator.EndsWith,
                        _ => SqlOperator.Contains,
                    };
                    Conditions.WriteLike(w, dialect, col.Sql, col.Field, op, Evaluate(call.Arguments[0]));
                    return;
                }
                case nameof(string.Equals) when call.Arguments.Count >= 1:
                    Comparison(w, Expression.Equal(call.Object, call.Arguments[0]));
                    return;
            }
        }
        if (m.DeclaringType == typeof(string) && m.IsStatic && call.Arguments.Count == 1
            && m.Name is nameof(string.IsNullOrEmpty) or nameof(string.IsNullOrWhiteSpace))
        {
            var col = ColumnOf(call.Arguments[0], call);
            var expr = m.Name == nameof(string.IsNullOrEmpty) ? col.Sql : $"trim({col.Sql})";
            w.Append('(').Append(col.Sql).Append(" IS NULL OR ").Append(expr).Append(" = ").Param("", null).Append(')');
            return;
        }
        if (m.Name == "Contains" && TryCollectionContains(call, out var source, out var item))
        {
            var col = ColumnOf(item, call);
            Conditions.WriteIn(w, dialect, col.Sql, col.Field, DialectProvider.Elements(EvaluateCollection(source)), not: false);
            return;
        }
        if (!ReferencesTables(call))
        {
            w.Append(Evaluate(call) is true ? "1 = 1" : "1 = 0");
            return;
        }
        throw Unsupported(call);
    }

    /// <summary>
    /// Recognises <c>list.Contains(x.Id)</c>, <c>Enumerable.Contains(ids, x.Id)</c> and, since C# 14 binds
    /// <c>array.Contains(x)</c> to spans, <c>MemoryExtensions.Contains(op_Implicit(array), x.Id)</c>.
    /// </summary>
    private bool TryCollectionContains(MethodCallExpression call, out Expression source, out Expression item)
    {
        source = null!;
        item = null!;
        if (call.Object != null && call.Arguments.Count == 1 && call.Object.Type != typeof(string))
        {
            source = call.Object;
            item = call.Arguments[0];
        }
        else if (call.Object == null && call.Arguments.Count >= 2 && call.Method.DeclaringType is { } t
                 && (t == typeof(Enumerable) || t == typeof(MemoryExtensions) || t == typeof(Queryable)))
        {
            source = call.Arguments[0];
            item = call.Arguments[1];
        }
        else return false;
        return !ReferencesTables(source) && ReferencesTables(item);
    }

    private object? EvaluateCollection(Expression source)
    {
        // Unwrap the implicit array-to-span conversion: a span cannot be boxed, the array can.
        while (true)
        {
            if (source is MethodCallExpression { Method.Name: "op_Implicit", Arguments.Count: 1 } implicitCall) source = implicitCall.Arguments[0];
            else if (source is UnaryExpression { NodeType: ExpressionType.Convert } convert && convert.Type.IsByRefLike) source = convert.Operand;
            else if (source.Type.IsByRefLike && source is MethodCallExpression { Object: { } inner }) source = inner;
            else break;
        }
        var value = Evaluate(source);
        return value is IEnumerable or null ? value : throw Unsupported(source);
    }
}
