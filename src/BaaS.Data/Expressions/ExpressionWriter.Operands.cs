using System.Linq.Expressions;
using System.Reflection;

namespace BaaS.Data;

internal sealed partial class ExpressionWriter
{
    private OperandBase Operand(Expression e)
    {
        e = StripConvert(e);
        // Sql.Count() names no column but is still SQL, not a value to evaluate.
        if (e is MethodCallExpression agg && agg.Method.DeclaringType == typeof(Sql)) return Aggregate(agg);
        if (!ReferencesTables(e)) return new ValueOperand(Evaluate(e));
        switch (e)
        {
            case MemberExpression { Expression: ParameterExpression p } m when tables.TryGetValue(p, out var table):
            {
                var field = table.Model.FindField(m.Member.Name) ?? throw new NotSupportedException(
                    $"{table.Model.Name}.{m.Member.Name} is not a column (it is [Ignore]d, a [Reference], or not a property) and cannot be queried.");
                return new ColumnOperand(dialect.Column(table.Qualifier, field), field);
            }
            case MemberExpression { Member.Name: "Value" } nv when Nullable.GetUnderlyingType(nv.Expression!.Type) != null:
                return Operand(nv.Expression!);
            case MethodCallExpression call when call.Method.DeclaringType == typeof(string) && call.Object != null && call.Arguments.Count == 0:
            {
                var inner = ColumnOf(call.Object, call);
                return call.Method.Name switch
                {
                    nameof(string.ToUpper) or nameof(string.ToUpperInvariant) => new ColumnOperand(dialect.Upper(inner.Sql), inner.Field),
                    nameof(string.ToLower) or nameof(string.ToLowerInvariant) => new ColumnOperand(dialect.Lower(inner.Sql), inner.Field),
                    nameof(string.Trim) => new ColumnOperand($"trim({inner.Sql})", inner.Field),
                    _ => throw Unsupported(call),
                };
            }
            case MethodCallExpression call when call.Method.DeclaringType == typeof(Sql):
                return Aggregate(call);
        }
        throw Unsupported(e);
    }

    // Sql.Sum(x.Total) -> SUM("order"."total") (baas_dec_sum on SQLite for decimals)
    private ColumnOperand Aggregate(MethodCallExpression call)
    {
        var function = call.Method.Name switch
        {
            nameof(Sql.Count) => AggregateFunction.Count,
            nameof(Sql.Sum) => AggregateFunction.Sum,
            nameof(Sql.Avg) => AggregateFunction.Avg,
            nameof(Sql.Min) => AggregateFunction.Min,
            _ => AggregateFunction.Max,
        };
        if (call.Arguments.Count == 0) return new ColumnOperand(dialect.Aggregate(AggregateFunction.Count, null, null), null);
        var col = ColumnOf(call.Arguments[0], call);
        // COUNT yields a number whatever it counts: no field, so its comparisons convert values by their own type. So
        // does the AVG of a scaled decimal, which SQLite gives as exact decimal text, not in the column's integers.
        var noField = function == AggregateFunction.Count
                      || (function == AggregateFunction.Avg && col.Field != null && dialect.DecimalStorageScale(col.Field) != null);
        return new ColumnOperand(dialect.Aggregate(function, col.Sql, col.Field), noField ? null : col.Field);
    }

    private ColumnOperand ColumnOf(Expression e, Expression context) =>
        Operand(e) as ColumnOperand ?? throw new NotSupportedException($"'{context}' needs a column of the query's tables, and '{e}' is not one.");

    private static Expression StripConvert(Expression e)
    {
        while (e is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs } u
               && u.Method == null)
            e = u.Operand;
        return e;
    }

    private bool ReferencesTables(Expression e) => ParameterFinder.Finds(e, tables);

    private static NotSupportedException Unsupported(Expression e) =>
        new($"The expression '{e}' ({e.NodeType}) cannot be translated to SQL. Supported: comparisons, &&, ||, !, == null, " +
            "string StartsWith/EndsWith/Contains/ToUpper/ToLower, collection Contains, .HasValue/.Value, bool fields, and Sql.* aggregates.");

    /// <summary>Evaluates a sub-expression that does not touch the row: constants, captured variables, member chains.</summary>
    public static object? Evaluate(Expression e)
    {
        switch (e)
        {
            case ConstantExpression c:
                return c.Value;
            case MemberExpression m:
            {
                var target = m.Expression == null ? null : Evaluate(m.Expression);
                if (m.Expression != null && target == null)
                    throw new NullReferenceException($"'{m.Expression}' is null, so '{m}' cannot be evaluated for the query.");
                return m.Member switch
                {
                    FieldInfo f => f.GetValue(target),
                    PropertyInfo p => p.GetValue(target),
                    _ => Compile(e),
                };
            }
            case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked, Method: null } u:
            {
                var value = Evaluate(u.Operand);
                if (value == null) return null;
                var target = Nullable.GetUnderlyingType(u.Type) ?? u.Type;
                if (target.IsInstanceOfType(value)) return value;
                if (target.IsEnum) return Enum.ToObject(target, value);
                if (value is Enum && target.IsPrimitive) return Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
                if (value is IConvertible && target.IsPrimitive || target == typeof(decimal))
                    return Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
                return Compile(e);
            }
            default:
                return Compile(e);
        }
    }

    // The slow path, for anything richer than a member chain: interpreted, since it runs once.
    private static object? Compile(Expression e) =>
        Expression.Lambda<Func<object?>>(Expression.Convert(e, typeof(object))).Compile(preferInterpretation: true)();

    private sealed class ParameterFinder(IReadOnlyDictionary<ParameterExpression, TableRef> tables) : ExpressionVisitor
    {
        private bool _found;

        public static bool Finds(Expression e, IReadOnlyDictionary<ParameterExpression, TableRef> tables)
        {
            // The common leaves answer without allocating a visitor.
            switch (e)
            {
                case ConstantExpression:
                    return false;
                case ParameterExpression p:
                    return tables.ContainsKey(p);
                case MemberExpression { Expression: ParameterExpression mp }:
                    return tables.ContainsKey(mp);
                case MemberExpression { Expression: ConstantExpression or null }:
                    return false;
            }
            var finder = new ParameterFinder(tables);
            finder.Visit(e);
            return finder._found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (tables.ContainsKey(node)) _found = true;
            return node;
        }

        public override Expression? Visit(Expression? node) => _found ? node : base.Visit(node);
    }
}
