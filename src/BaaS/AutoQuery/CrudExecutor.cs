using System.Globalization;
using System.Text.Json;
using BaaS.Auth;
using BaaS.Data;
using BaaS.Text;
using Microsoft.AspNetCore.Http;

namespace BaaS.AutoQuery;

/// <summary>
/// Runs one CRUD DTO over <typeparamref name="TModel"/> in a transaction (its own, or the batch's it joins): the write,
/// then its audit-log entry. Rows the mandatory filters hide are "not found" to every write, so a tenant can neither
/// change nor learn of another tenant's rows.
/// </summary>
internal sealed partial class CrudExecutor<TModel>(CrudPlan plan, AutoQueryOptions options, TimeProvider clock) : ICrudExecutor where TModel : class, new()
{
    public CrudPlan Plan => plan;

    public async ValueTask<object?> InvokeAsync(HttpContext context, object request)
    {
        var ct = context.RequestAborted;
        var (db, owned) = await RequestDb.OpenAsync(context).ConfigureAwait(false);
        try
        {
            // A transaction is needed when more than one statement must stand or fall together: the write and its
            // audit entry, or a save's check and write. A lone insert, update or delete is atomic by itself, and
            // skipping BEGIN/COMMIT saves two round trips.
            // Files: the variant jobs of new images are queued in the row's transaction.
            var needsTransaction = options.EnableAuditLog || plan.Kind == CrudKind.Save || plan.FileFields.Count > 0;
            var transaction = needsTransaction && db.Transaction is null ? await db.OpenTransactionAsync(ct).ConfigureAwait(false) : null;
            try
            {
                var (rowId, response) = plan.Kind switch
                {
                    CrudKind.Create => await CreateAsync(context, db, request, ct).ConfigureAwait(false),
                    CrudKind.Update or CrudKind.Patch => await UpdateAsync(context, db, request, ct).ConfigureAwait(false),
                    CrudKind.Delete => await DeleteAsync(context, db, request, ct).ConfigureAwait(false),
                    _ => await SaveAsync(context, db, request, ct).ConfigureAwait(false),
                };
                if (options.EnableAuditLog) await WriteEventAsync(context, db, request, rowId, ct).ConfigureAwait(false);
                if (transaction is not null) await transaction.CommitAsync(ct).ConfigureAwait(false);
                return response;
            }
            finally
            {
                if (transaction is not null) await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (owned) await db.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<(object? RowId, object? Response)> CreateAsync(HttpContext context, DataConnection db, object request, CancellationToken ct)
    {
        var info = context.GetRequestInfo();
        var row = new TModel();
        if (plan.Key is { } key && !key.Field.IsAutoIncrement) WriteField(row, key, request, info, context);
        foreach (var field in plan.Fields)
            if (field.FileLocation is null) WriteField(row, field, request, info, context);
        var files = plan.FileFields.Count > 0 ? new CrudFiles(plan, context) : null;
        if (files is not null) await files.WriteAsync(row, request, info, onlySent: false, current: null, ct).ConfigureAwait(false);
        ApplyPopulates(row, context);
        if (plan.AuditCreate) StampCreated(row, context);
        await db.InsertAsync(row, ct).ConfigureAwait(false);
        var id = plan.Model.PrimaryKey?.GetValue(row);
        if (files is not null) await files.AfterWriteAsync(db, id, ct).ConfigureAwait(false);
        return (id, await ResponseAsync(db, id, ct).ConfigureAwait(false));
    }

    private async Task<(object? RowId, object? Response)> UpdateAsync(HttpContext context, DataConnection db, object request, CancellationToken ct)
    {
        var info = context.GetRequestInfo();
        var id = KeyOf(request);
        var row = new TModel();
        plan.Model.PrimaryKey!.SetValue(row, ValueConverter.To(plan.Model.PrimaryKey.ValueType, id, plan.Key!.PropertyName));
        var names = new List<string>();
        foreach (var field in plan.Fields)
        {
            // An update writes every declared field; a patch only those the caller sent.
            if (field.FileLocation is not null || (plan.Kind == CrudKind.Patch && info?.WasSent(field.PropertyName) != true)) continue;
            WriteField(row, field, request, info, context);
            names.Add(field.Field.Name);
        }
        CrudFiles? files = null;
        if (plan.FileFields.Count > 0)
        {
            files = new CrudFiles(plan, context);
            var current = await db.SingleAsync(KeyQuery(db, context, id), ct).ConfigureAwait(false);
            // A row this caller cannot reach (another owner's, a deleted one) gets no file: refused before one is stored.
            if (current is null) throw NotFound(id);
            var written = await files.WriteAsync(row, request, info, onlySent: plan.Kind == CrudKind.Patch, current, ct).ConfigureAwait(false);
            files.RememberReplaced(current, written);
            names.AddRange(written);
        }
        if (names.Count == 0)
            throw HttpError.BadRequest($"{plan.DtoType.Name} changes nothing: send at least one field to change.", "NothingToChange");
        names.AddRange(ApplyPopulates(row, context));
        if (plan.AuditModify) names.AddRange(StampModified(row, context));

        var where = KeyQuery(db, context, id);
        // The row version is checked when the caller sends the one it read.
        if (plan.Version is { } version && Sent(version, request, info))
            where.AddCondition(QueryTerm.And, version.Field.Name, SqlOperator.Equal, version.Get(request));
        var updated = await db.UpdateOnlyAsync(row, names.Distinct(), where, ct).ConfigureAwait(false);
        if (updated == 0) await ThrowMissingOrStaleAsync(db, context, id, ct).ConfigureAwait(false);
        if (files is not null) await files.AfterWriteAsync(db, id, ct).ConfigureAwait(false);
        return (id, await ResponseAsync(db, id, ct).ConfigureAwait(false));
    }

    private async Task<(object? RowId, object? Response)> DeleteAsync(HttpContext context, DataConnection db, object request, CancellationToken ct)
    {
        var info = context.GetRequestInfo();
        var q = db.From<TModel>();
        var filtered = false;
        object? id = null;
        if (plan.Key is { } key && Sent(key, request, info))
        {
            id = key.Get(request);
            q.AddCondition(QueryTerm.And, key.Field.Name, QueryPlan.IsList(id!.GetType()) ? SqlOperator.In : SqlOperator.Equal, id);
            filtered = true;
        }
        foreach (var field in plan.Fields.Where(f => Sent(f, request, info)))
        {
            var value = field.Get(request);
            q.AddCondition(QueryTerm.And, field.Field.Name, QueryPlan.IsList(value!.GetType()) ? SqlOperator.In : SqlOperator.Equal, value);
            filtered = true;
        }
        if (!filtered)
            throw HttpError.BadRequest($"{plan.DtoType.Name} deletes by key or by filter: send at least one (a delete never empties a table).", "NoFilter");
        if (plan.Version is { } version && Sent(version, request, info))
            q.AddCondition(QueryTerm.And, version.Field.Name, SqlOperator.Equal, version.Get(request));
        AddMandatory(q, context);

        // A hard delete takes the rows' files with it, once the call succeeded.
        var files = !plan.SoftDelete && plan.ModelFiles.Count > 0 && context.RequestServices.GetService(typeof(Files.FileService)) is not null
            ? new CrudFiles(plan, context) : null;
        if (files is not null) files.RememberDeleted((await db.SelectAsync(q, ct).ConfigureAwait(false)).Cast<object>());

        int affected;
        if (plan.SoftDelete)
        {
            var row = new TModel();
            var audit = (AuditBase)(object)row;
            audit.DeletedDate = clock.GetUtcNow().UtcDateTime;
            audit.DeletedBy = Actor(context);
            affected = await db.UpdateOnlyAsync(row, [nameof(AuditBase.DeletedDate), nameof(AuditBase.DeletedBy)], q, ct).ConfigureAwait(false);
        }
        else
        {
            affected = await db.DeleteAsync(q, ct).ConfigureAwait(false);
        }
        if (affected == 0 && id is not null && !QueryPlan.IsList(id.GetType()))
            await ThrowMissingOrStaleAsync(db, context, id, ct).ConfigureAwait(false);
        if (files is not null) await files.AfterWriteAsync(db, null, ct).ConfigureAwait(false);
        object? response = plan.Response switch
        {
            CrudResponse.Void => null,
            CrudResponse.Empty => new EmptyResponse(),
            _ => new IdResponse { Id = id is null || QueryPlan.IsList(id.GetType()) ? affected.ToString(CultureInfo.InvariantCulture) : Text(id) },
        };
        return (id, response);
    }

    private async Task<(object? RowId, object? Response)> SaveAsync(HttpContext context, DataConnection db, object request, CancellationToken ct)
    {
        var id = plan.Key is { } key ? key.Get(request) : null;
        var hasKey = id is not null && !(plan.Key!.IsPlainValueType && Equals(id, plan.Key.DefaultValue));
        if (hasKey && id is not null && await db.ExistsAsync(db.From<TModel>().AddCondition(QueryTerm.And, plan.Key!.Field.Name, SqlOperator.Equal, id), ct).ConfigureAwait(false))
        {
            // The row exists: it is updated only if the mandatory filters let this caller see it.
            if (!await db.ExistsAsync(KeyQuery(db, context, id), ct).ConfigureAwait(false)) throw NotFound(id);
            var row = new TModel();
            plan.Model.PrimaryKey!.SetValue(row, ValueConverter.To(plan.Model.PrimaryKey.ValueType, id, plan.Key.PropertyName));
            var info = context.GetRequestInfo();
            foreach (var field in plan.Fields)
                if (field.FileLocation is null) WriteField(row, field, request, info, context);
            var names = plan.Fields.Where(f => f.FileLocation is null).Select(f => f.Field.Name).Concat(ApplyPopulates(row, context)).ToList();
            CrudFiles? files = null;
            if (plan.FileFields.Count > 0)
            {
                files = new CrudFiles(plan, context);
                var current = await db.SingleAsync(KeyQuery(db, context, id), ct).ConfigureAwait(false);
                var written = await files.WriteAsync(row, request, info, onlySent: false, current, ct).ConfigureAwait(false);
                files.RememberReplaced(current, written);
                names.AddRange(written);
            }
            if (plan.AuditModify) names.AddRange(StampModified(row, context));
            if (names.Count > 0) await db.UpdateOnlyAsync(row, names.Distinct(), KeyQuery(db, context, id), ct).ConfigureAwait(false);
            if (files is not null) await files.AfterWriteAsync(db, id, ct).ConfigureAwait(false);
            return (id, await ResponseAsync(db, id, ct).ConfigureAwait(false));
        }
        return await CreateAsync(context, db, request, ct).ConfigureAwait(false);
    }

    private void WriteField(TModel row, CrudField field, object request, RequestInfo? info, HttpContext context)
    {
        var value = field.Get(request);
        if (field.AutoDefault is not null && !Sent(field, request, info)) value = field.AutoDefault(context, clock);
        // The property's own type (int?, not int), so a null stays null instead of becoming 0.
        field.Field.SetValue(row, ValueConverter.To(field.Field.PropertyType, value, field.PropertyName));
    }

    /// <summary>Sets the server-filled fields; returns their names.</summary>
    private List<string> ApplyPopulates(TModel row, HttpContext context)
    {
        var names = new List<string>(plan.Populates.Count);
        foreach (var populate in plan.Populates)
        {
            var value = populate.Value(context, clock);
            if (value is null && populate.NeedsUser)
                throw HttpError.Unauthorized($"Sign in: {plan.DtoType.Name} records who you are.");
            populate.Field.SetValue(row, ValueConverter.To(populate.Field.PropertyType, value, populate.Field.Name));
            names.Add(populate.Field.Name);
        }
        return names;
    }

    private void StampCreated(TModel row, HttpContext context)
    {
        var audit = (AuditBase)(object)row;
        var now = clock.GetUtcNow().UtcDateTime;
        audit.CreatedDate = audit.ModifiedDate = now;
        audit.CreatedBy = audit.ModifiedBy = Actor(context);
    }

    private string[] StampModified(TModel row, HttpContext context)
    {
        var audit = (AuditBase)(object)row;
        audit.ModifiedDate = clock.GetUtcNow().UtcDateTime;
        audit.ModifiedBy = Actor(context);
        return [nameof(AuditBase.ModifiedDate), nameof(AuditBase.ModifiedBy)];
    }

    /// <summary>Who an audited change is recorded against: an audited write needs a signed-in caller.</summary>
    private string Actor(HttpContext context) =>
        context.User.GetUserName() ?? context.User.GetUserId()
        ?? throw HttpError.Unauthorized($"Sign in: {plan.DtoType.Name} records who made each change.");

    private object KeyOf(object request)
    {
        var id = plan.Key!.Get(request);
        if (id is null || (plan.Key.IsPlainValueType && Equals(id, plan.Key.DefaultValue)))
            throw HttpError.Validation(plan.Key.PropertyName, "Required", $"'{plan.Key.PropertyName}' is required.");
        return id;
    }

    private SqlExpression<TModel> KeyQuery(DataConnection db, HttpContext context, object id)
    {
        var q = db.From<TModel>().AddCondition(QueryTerm.And, plan.Model.PrimaryKey!.Name, SqlOperator.Equal, id);
        AddMandatory(q, context);
        return q;
    }

    private void AddMandatory(SqlExpression<TModel> q, HttpContext context)
    {
        foreach (var mandatory in plan.Mandatory)
            q.EnsureCondition(mandatory.Field, mandatory.Op, mandatory.Resolve(context, clock));
    }

    private async Task ThrowMissingOrStaleAsync(DataConnection db, HttpContext context, object id, CancellationToken ct)
    {
        if (plan.Version is not null && await db.ExistsAsync(KeyQuery(db, context, id), ct).ConfigureAwait(false))
            // it exists and this caller may see it, so the version it sent was stale
            throw HttpError.Conflict($"{plan.Model.Name} {Text(id)} was changed by someone else since you read it: read it again and retry.");
        throw NotFound(id);
    }

    private HttpError NotFound(object id) => HttpError.NotFound($"{plan.Model.Name} {Text(id)} does not exist.");

    private async Task<object?> ResponseAsync(DataConnection db, object? id, CancellationToken ct) => plan.Response switch
    {
        CrudResponse.Void => null,
        CrudResponse.Empty => new EmptyResponse(),
        CrudResponse.Model => id is null ? null : await db.SingleByIdAsync<TModel>(id, ct).ConfigureAwait(false),
        _ => new IdResponse { Id = Text(id) },
    };

    private static bool Sent(CrudField field, object request, RequestInfo? info)
    {
        var value = field.Get(request);
        if (value is null) return false;
        return info?.WasSent(field.PropertyName) ?? !(field.IsPlainValueType && Equals(value, field.DefaultValue));
    }
}

/// <summary>The untyped face of a <see cref="CrudExecutor{TModel}"/>, made once per DTO type.</summary>
internal interface ICrudExecutor
{
    CrudPlan Plan { get; }

    ValueTask<object?> InvokeAsync(HttpContext context, object request);
}
