using BaaS.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS;

/// <summary>
/// A database connection shared by everything that serves one request (or one transactional batch): set as a
/// feature on the <see cref="HttpContext"/>, it is what <see cref="Service.Db"/> and AutoQuery use instead of opening
/// their own, so they all join its transaction.
/// </summary>
public sealed class RequestDb(DataConnection connection)
{
    /// <summary>The shared connection.</summary>
    public DataConnection Connection { get; } = connection;

    /// <summary>
    /// The request's shared connection when there is one (<c>Owned</c> false), else a new one from the
    /// app's <see cref="IDbConnectionFactory"/> that the caller must dispose (<c>Owned</c> true).
    /// </summary>
    public static async ValueTask<(DataConnection Connection, bool Owned)> OpenAsync(HttpContext context)
    {
        if (context.Features.Get<RequestDb>() is { } shared) return (shared.Connection, false);
        var factory = context.RequestServices.GetService<IDbConnectionFactory>()
            ?? throw new InvalidOperationException("No database is configured: register an IDbConnectionFactory (see docs/data.md).");
        return (await factory.OpenAsync(context.RequestAborted).ConfigureAwait(false), true);
    }
}
