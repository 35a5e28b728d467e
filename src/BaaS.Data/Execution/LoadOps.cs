using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace BaaS.Data;

/// <summary>
/// Fills <c>[Reference]</c> properties after the parent rows are read: one extra query per reference, whatever the
/// number of parents (<c>WHERE "order"."customer_id" IN (...)</c>), never one per parent.
/// </summary>
internal static class LoadOps
{
    private delegate ValueTask<List<object>> Loader(DataConnection db, FieldDefinition field, List<object?> keys, bool async, CancellationToken ct);

    private static readonly ConcurrentDictionary<Type, Loader> Loaders = new();
    private static readonly ConcurrentDictionary<Type, Func<IList>> ListFactories = new();

    public static async ValueTask LoadReferences<T>(DataConnection db, IReadOnlyList<T> parents, bool async, CancellationToken ct)
    {
        if (parents.Count == 0) return;
        var model = ModelDefinition.For<T>();
        foreach (var reference in model.References)
        {
            var child = ModelDefinition.For(reference.ReferencedType);
            var load = Loaders.GetOrAdd(child.ModelType, CreateLoader);
            var parentKey = reference.IsList ? null : model.FindField(reference.Name + "Id") ?? Relations.Link(model, child);
            if (parentKey != null && child.PrimaryKey != null)
            {
                // The parent holds the child's key (Order.CustomerId -> Customer): load the distinct keys' rows.
                var keys = parents.Select(p => parentKey.GetValue(p!)).Where(k => k != null).Distinct().ToList();
                var rows = await load(db, child.PrimaryKey, keys, async, ct).ConfigureAwait(false);
                var byKey = new Dictionary<object, object>();
                foreach (var row in rows) byKey[Relations.Normalize(child.PrimaryKey.GetValue(row)!)] = row;
                foreach (var parent in parents)
                {
                    var k = parentKey.GetValue(parent!);
                    reference.SetValue(parent!, k != null && byKey.TryGetValue(Relations.Normalize(k), out var found) ? found : null);
                }
                continue;
            }
            // The children hold the parent's key (Order.CustomerId <- Customer.Orders).
            var childKey = Relations.Link(child, model) ?? throw new NotSupportedException(
                $"{model.Name}.{reference.Name}: cannot tell how {child.Name} relates to {model.Name}; give {child.Name} a {model.Name}Id field " +
                $"or [References(typeof({model.Name}))], or give {model.Name} a {reference.Name}Id field.");
            var pk = model.GetPrimaryKey();
            var parentIds = parents.Select(p => pk.GetValue(p!)).Where(k => k != null).Distinct().ToList();
            var children = await load(db, childKey, parentIds, async, ct).ConfigureAwait(false);
            var groups = new Dictionary<object, List<object>>();
            foreach (var row in children)
            {
                var k = childKey.GetValue(row);
                if (k == null) continue;
                var nk = Relations.Normalize(k);
                if (!groups.TryGetValue(nk, out var g)) groups[nk] = g = [];
                g.Add(row);
            }
            var newList = reference.IsList ? ListFactories.GetOrAdd(child.ModelType, CreateListFactory) : null;
            foreach (var parent in parents)
            {
                var id = pk.GetValue(parent!);
                groups.TryGetValue(id == null ? "" : Relations.Normalize(id), out var mine);
                if (newList != null)
                {
                    var list = newList();
                    if (mine != null) foreach (var item in mine) list.Add(item);
                    reference.SetValue(parent!, list);
                }
                else reference.SetValue(parent!, mine?.FirstOrDefault());
            }
        }
    }

    private static Loader CreateLoader(Type childType) =>
        typeof(LoadOps).GetMethod(nameof(LoadRows), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(childType).CreateDelegate<Loader>();

    private static Func<IList> CreateListFactory(Type element) =>
        Expression.Lambda<Func<IList>>(Expression.New(typeof(List<>).MakeGenericType(element))).Compile();

    // SELECT ... FROM "order" WHERE "order"."customer_id" IN (@p0, @p1, ...), 1000 keys per statement
    private static async ValueTask<List<object>> LoadRows<TChild>(DataConnection db, FieldDefinition field, List<object?> keys,
        bool async, CancellationToken ct)
    {
        var result = new List<object>();
        if (keys.Count == 0) return result;
        var plan = ModelPlan<TChild>.For(db.Dialect);
        const int chunk = 1000;
        for (var start = 0; start < keys.Count; start += chunk)
        {
            var w = new SqlWriter().Append(plan.SelectAll).Append(" WHERE ");
            Conditions.WriteIn(w, db.Dialect, db.Dialect.Column(plan.Table, field), field, keys.GetRange(start, Math.Min(chunk, keys.Count - start)), not: false);
            if (plan.Model.PrimaryKey is { } pk) w.Append(" ORDER BY ").Append(db.Dialect.Column(plan.Table, pk));
            var (sql, ps) = w.Render(db.Dialect);
            foreach (var row in await Executor.QueryAsync(db, sql, ps, plan.ReadAll, async, ct).ConfigureAwait(false))
                result.Add(row!);
        }
        return result;
    }
}
