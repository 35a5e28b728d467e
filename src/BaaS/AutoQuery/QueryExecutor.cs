using System.Globalization;
using BaaS.Data;
using Microsoft.AspNetCore.Http;

namespace BaaS.AutoQuery;

/// <summary>Runs one query DTO over <typeparamref name="TModel"/>, answering rows as <typeparamref name="TInto"/>.</summary>
/// <param name="plan">The DTO's query plan.</param>
/// <param name="options">AutoQuery's options.</param>
/// <param name="clock">The clock for server values.</param>
/// <param name="maxItems">The most values one implicit filter takes (<see cref="BaaSOptions.MaxCollectionItems"/>).</param>
internal sealed class QueryExecutor<TModel, TInto>(QueryPlan plan, AutoQueryOptions options, TimeProvider clock, int maxItems) : IQueryExecutor
{
    // Keys that are never filters: the response format, and the cache-busting key some JavaScript clients add.
    private static readonly HashSet<string> ReservedKeys = new(StringComparer.OrdinalIgnoreCase) { "format", "_" };

    public QueryPlan Plan => plan;

    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<object?> InvokeAsync(HttpContext context, object request)
    {
        var (db, owned) = await RequestDb.OpenAsync(context).ConfigureAwait(false);
        try
        {
            var query = CreateQuery(request, context, db);
            return await ExecuteAsync(request, query, db, context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            if (owned) await db.DisposeAsync().ConfigureAwait(false);
        }
    }

    public SqlExpression<TModel> CreateQuery(object request, HttpContext context, DataConnection db)
    {
        var dto = (IQuery)request;
        var q = db.From<TModel>();
        foreach (var (table, left) in plan.Joins)
        {
            if (left) q.LeftJoin(table);
            else q.Join(table);
        }
        foreach (var mandatory in plan.Mandatory)
            q.EnsureCondition(mandatory.Field, mandatory.Op, mandatory.Resolve(context, clock));

        var info = context.GetRequestInfo();
        var byKey = false;
        foreach (var filter in plan.Filters)
        {
            var value = filter.Get(request);
            if (value is null) continue;
            // 0 or false in a non-nullable property filters only when the caller actually sent it.
            if (filter.IsPlainValueType && Equals(value, filter.DefaultValue) && info?.WasSent(filter.PropertyName) != true) continue;
            if (filter.ValueFormat is not null) value = string.Format(CultureInfo.InvariantCulture, filter.ValueFormat, value);
            Add(q, filter.PropertyName, filter.Term, filter.Field, filter.Op, value);
            byKey |= plan.Joins.Count == 0 && filter.Term == QueryTerm.And && filter.Op == SqlOperator.Equal && filter.Field == plan.PrimaryKey;
        }
        if (options.EnableImplicitFilters && info is not null && ReferenceEquals(info.Dto, request))
        {
            foreach (var (key, text) in info.UnmatchedQuery)
                AddImplicit(q, key, text);
        }

        if (dto.Skip < 0) throw HttpError.Validation("Skip", "GreaterThanOrEqual", "'Skip' must not be negative.");
        if (dto.Take < 0) throw HttpError.Validation("Take", "GreaterThanOrEqual", "'Take' must not be negative.");
        var order = OrderOf(dto);
        // A lookup by primary key (ANDed, no joins) finds at most one row: ordering and a limit would only cost the database
        // planning time, measurable on point lookups.
        if (byKey && order.Count == 0 && dto.Skip is null && dto.Take is null) return SelectFields(q, dto);
        foreach (var field in order) RequireShown("orderBy", field.TrimStart('-'));
        if (order.Count > 0) Guard("orderBy", () => q.OrderByFields(order));
        else if (plan.PrimaryKey is not null) q.OrderByFields([plan.PrimaryKey]); // pages need a stable order
        q.Skip(dto.Skip is > 0 ? dto.Skip : null).Take(Math.Min(dto.Take ?? options.MaxLimit, options.MaxLimit));
        return SelectFields(q, dto);
    }

    private SqlExpression<TModel> SelectFields(SqlExpression<TModel> q, IQuery dto)
    {
        if (string.IsNullOrWhiteSpace(dto.Fields)) return q;
        var fields = dto.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // A hidden column named in fields would come back as blank rows: refuse it as orderBy and include do.
        foreach (var field in fields) RequireShown("fields", field);
        Guard("fields", () => q.SelectFields(fields));
        return q;
    }

    public async Task<QueryResponse<TInto>> ExecuteAsync(object request, SqlExpression<TModel> q, DataConnection db, CancellationToken ct)
    {
        var dto = (IQuery)request;
        var (includeTotal, aggregates) = IncludesOf(dto.Include);
        foreach (var (spec, _) in aggregates)
            if (spec.FieldName is { } aggregated) RequireShown("include", aggregated);
        var load = typeof(TInto) == typeof(TModel) && plan.LoadReferences && string.IsNullOrWhiteSpace(dto.Fields);
        List<TInto> results;
        int? total = null;
        if (includeTotal || options.IncludeTotal)
        {
            // The page and its count go to the database together: one round trip.
            var page = load
                ? (RowsWithTotal<TInto>)(object)await db.LoadSelectWithTotalAsync(q, ct).ConfigureAwait(false)
                : await db.SelectWithTotalAsync<TInto>(q, ct).ConfigureAwait(false);
            (results, total) = (page.Rows, checked((int)page.Total));
        }
        else if (load) results = (List<TInto>)(object)await db.LoadSelectAsync(q, ct).ConfigureAwait(false);
        else results = await db.SelectAsync<TInto>(q, ct).ConfigureAwait(false);

        var response = new QueryResponse<TInto> { Offset = q.Offset ?? 0, Results = results, Total = total ?? results.Count };
        if (aggregates.Count > 0)
        {
            var values = await Guard("include", () => db.AggregateAsync(q, [.. aggregates.Select(a => a.Spec)], ct)).ConfigureAwait(false);
            response.Meta = aggregates.ToDictionary(a => a.Label, a => MetaText(values[a.Spec.Label]));
        }
        return response;
    }

    /// <summary>An aggregate's value as text in the wire format: dates ISO-8601, numbers invariant.</summary>
    private static string MetaText(object? value) => value switch
    {
        null => "",
        DateTime d => Text.WireFormat.FormatDateTime(d),
        DateTimeOffset o => o.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => Text.WireFormat.FormatDateOnly(d),
        TimeOnly t => Text.WireFormat.FormatTimeOnly(t),
        TimeSpan t => Text.WireFormat.FormatTimeSpan(t),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private void AddImplicit(SqlExpression<TModel> q, string key, string text)
    {
        if (ReservedKeys.Contains(key)) return;
        if (!QueryConventions.TryParse(key, name => q.TryResolveField(name, out _), out var field, out var op))
        {
            var suggestion = NameSuggestions.Closest(key, q.FieldNames);
            throw HttpError.Validation(key, "InvalidField",
                $"'{Text.WireFormat.Clip(key)}' is not a field of {typeof(TModel).Name} or a query convention" + (suggestion is null ? "." : $" (did you mean '{suggestion}'?)."));
        }
        if (field.Length == 0) field = plan.PrimaryKey ?? throw HttpError.Validation(key, "InvalidField", $"{typeof(TModel).Name} has no primary key.");
        RequireShown(key, field);
        object? value = text;
        if (QueryConventions.IsNullCheck(op))
        {
            // ?DeletedDateIsNull (or =true) checks for null; =false checks the opposite.
            if (text.Length > 0)
            {
                if (!bool.TryParse(text, out var yes))
                    throw HttpError.Validation(key, "InvalidValue", $"'{Text.WireFormat.Clip(text)}' is not true or false.");
                if (!yes) op = op == SqlOperator.IsNull ? SqlOperator.IsNotNull : SqlOperator.IsNull;
            }
            value = null;
        }
        else if (QueryConventions.TakesList(op) || (op == SqlOperator.Equal && text.Contains(',')))
        {
            if (op == SqlOperator.Equal) op = SqlOperator.In;
            // Counted before splitting: a list over the limit never becomes strings, parameters or SQL.
            if (text.AsSpan().Count(',') >= maxItems)
                throw HttpError.Validation(key, "MaxItems", string.Create(CultureInfo.InvariantCulture, $"'{key}' must have {maxItems:N0} values or fewer."));
            value = text.Split(',', StringSplitOptions.TrimEntries);
        }
        Add(q, key, plan.DefaultTerm, field, op, value);
    }

    private static void Add(SqlExpression<TModel> q, string name, QueryTerm term, string field, SqlOperator op, object? value)
    {
        if (QueryConventions.IsNullCheck(op) && value is bool yes)
        {
            if (!yes) op = op == SqlOperator.IsNull ? SqlOperator.IsNotNull : SqlOperator.IsNull;
            value = null;
        }
        try
        {
            q.AddCondition(term, field, op, value);
        }
        catch (InvalidFieldValueException e)
        {
            throw HttpError.Validation(name, "InvalidValue", e.Message);
        }
        catch (ArgumentException e) when (e is not UnknownFieldException)
        {
            // e.g. Between with other than two values
            throw HttpError.Validation(name, "InvalidValue", e.Message);
        }
    }

    private static List<string> OrderOf(IQuery dto)
    {
        var order = new List<string>();
        if (!string.IsNullOrWhiteSpace(dto.OrderBy))
            order.AddRange(dto.OrderBy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (!string.IsNullOrWhiteSpace(dto.OrderByDesc))
            order.AddRange(dto.OrderByDesc.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(f => f.StartsWith('-') ? f : "-" + f));
        return order;
    }

    private static (bool Total, List<(AggregateSpec Spec, string Label)> Aggregates) IncludesOf(string? include)
    {
        var total = false;
        var aggregates = new List<(AggregateSpec, string)>();
        if (string.IsNullOrWhiteSpace(include)) return (total, aggregates);
        foreach (var part in include.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (string.Equals(part, "total", StringComparison.OrdinalIgnoreCase))
            {
                total = true;
                continue;
            }
            // "COUNT(*) total" names the result "total"; "SUM(Total)" is named "Sum(Total)".
            var close = part.LastIndexOf(')');
            var spec = close < 0 ? part : part[..(close + 1)];
            var alias = close < 0 ? null : part[(close + 1)..].Trim();
            if (alias is { Length: > 0 } && !alias.All(c => char.IsLetterOrDigit(c) || c == '_'))
                throw HttpError.Validation("Include", "InvalidValue", $"'{Text.WireFormat.Clip(alias)}' is not a valid name for an aggregate.");
            AggregateSpec parsed;
            try { parsed = AggregateSpec.Parse(spec); }
            catch (ArgumentException e) { throw HttpError.Validation("Include", "InvalidValue", e.Message); }
            aggregates.Add((parsed, alias is { Length: > 0 } ? alias : parsed.Label));
        }
        return (total, aggregates);
    }

    /// <summary>A caller may not order, aggregate or filter by a column the results do not show (see <see cref="QueryPlan.Shows"/>).</summary>
    private void RequireShown(string name, string field)
    {
        if (!plan.Shows(field))
            throw HttpError.Validation(name, "InvalidField", $"'{Text.WireFormat.Clip(field)}' is not a field of {typeof(TInto).Name}.");
    }

    private static void Guard(string name, Action action)
    {
        try { action(); }
        catch (UnknownFieldException e) { throw HttpError.Validation(name, "InvalidField", e.Message); }
        catch (ArgumentException e) { throw HttpError.Validation(name, "InvalidValue", e.Message); }
    }

    private static async Task<T> Guard<T>(string name, Func<Task<T>> action)
    {
        try { return await action().ConfigureAwait(false); }
        catch (UnknownFieldException e) { throw HttpError.Validation(name, "InvalidField", e.Message); }
        catch (ArgumentException e) { throw HttpError.Validation(name, "InvalidValue", e.Message); }
    }

    object IQueryExecutor.CreateQuery(object request, HttpContext context, DataConnection db) => CreateQuery(request, context, db);

    async Task<object> IQueryExecutor.ExecuteAsync(object request, object query, DataConnection db, CancellationToken ct) =>
        await ExecuteAsync(request, (SqlExpression<TModel>)query, db, ct).ConfigureAwait(false);
}

/// <summary>The untyped face of a <see cref="QueryExecutor{TModel, TInto}"/>, made once per DTO type.</summary>
internal interface IQueryExecutor
{
    QueryPlan Plan { get; }

    ValueTask<object?> InvokeAsync(HttpContext context, object request);

    object CreateQuery(object request, HttpContext context, DataConnection db);

    Task<object> ExecuteAsync(object request, object query, DataConnection db, CancellationToken ct);
}
