using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS;

/// <summary>
/// The base class of hand-written services. Public methods named by verb (<c>Get</c>, <c>Post</c>, <c>Put</c>,
/// <c>Patch</c>, <c>Delete</c>, <c>Any</c>) taking one request DTO are served; they may return the response,
/// <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c>, <c>Task</c> or <c>void</c>. Dependencies come through the
/// constructor from ASP.NET Core DI; a new instance serves each request.
/// </summary>
/// <example>
/// <code>
/// public class OrderServices(IOrderStore store) : Service
/// {
///     public async Task&lt;Order&gt; Get(GetOrder request) =>
///         await store.FindAsync(request.Id, CancellationToken) ?? throw HttpError.NotFound($"Order {request.Id} does not exist");
/// }
/// </code>
/// </example>
public abstract class Service : IAsyncDisposable
{
    private HttpContext? _httpContext;

    /// <summary>The current request's context. Set by the framework before the method runs.</summary>
    public HttpContext HttpContext
    {
        get => _httpContext ?? throw new InvalidOperationException("This service is not serving a request: HttpContext is set by the framework before a service method runs.");
        set => _httpContext = value;
    }

    /// <summary>The current HTTP request.</summary>
    public HttpRequest Request => HttpContext.Request;

    /// <summary>The current HTTP response: set headers or cookies here; the body is the method's return value.</summary>
    public HttpResponse Response => HttpContext.Response;

    /// <summary>The signed-in user (an anonymous principal when nobody is signed in).</summary>
    public ClaimsPrincipal User => HttpContext.User;

    /// <summary>Fires when the caller goes away; pass it to every async call.</summary>
    public CancellationToken CancellationToken => HttpContext.RequestAborted;

    /// <summary>The request's DI scope.</summary>
    public IServiceProvider Services => HttpContext.RequestServices;

    /// <summary>Resolves a required dependency from the request's DI scope.</summary>
    public T Resolve<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Releases what the service holds. Called after the response is written.</summary>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
