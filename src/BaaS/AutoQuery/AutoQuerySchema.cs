using BaaS.Data;
using Microsoft.Extensions.Hosting;

namespace BaaS.AutoQuery;

/// <summary>
/// Creates AutoQuery's own table (the <c>crud_event</c> audit log) when it is missing, before the server takes
/// requests. It is the framework's table, not the app's, so the app's migrations need not know it.
/// </summary>
internal sealed class AutoQuerySchema(AutoQueryRegistry registry, IDbConnectionFactory factory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!registry.Options.EnableAuditLog) return;
        await using var db = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        await db.CreateTableIfNotExistsAsync<CrudEvent>(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
