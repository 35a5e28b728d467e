using System.Globalization;
using System.Text.Json;
using BaaS.Auth;
using BaaS.Data;
using BaaS.Text;
using Microsoft.AspNetCore.Http;

namespace BaaS.AutoQuery;

/// <summary>The audit log's entry of a CRUD call, and how values are written as text.</summary>
internal sealed partial class CrudExecutor<TModel>
{
    private Task WriteEventAsync(HttpContext context, DataConnection db, object request, object? rowId, CancellationToken ct) =>
        db.InsertAsync(new CrudEvent
        {
            EventType = plan.Kind.ToString(),
            Model = plan.Model.Name,
            RequestType = plan.DtoType.Name,
            RowId = rowId is null ? null : Text(rowId),
            RequestBody = JsonSerializer.Serialize(request, request.GetType(), JsonProtocol.Options),
            UserId = context.User.GetUserId(),
            UserName = context.User.GetUserName(),
            RemoteIp = context.Connection.RemoteIpAddress?.ToString(),
            EventDate = clock.GetUtcNow().UtcDateTime,
        }, ct);

    private static string? Text(object? value) =>
        value is null ? null : value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString();
}
