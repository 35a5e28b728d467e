using System.Security.Claims;
using BaaS.Data;
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
    private DataConnection? _db;
    private IServiceGateway? _gateway;
    private global::BaaS.Files.IFiles? _files;

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

    /// <summary>
    /// The request's connection to the app's default database (the registered <see cref="IDbConnectionFactory"/>),
    /// opened on first use and closed when the response has been written. Async code can use <see cref="OpenDbAsync"/>.
    /// </summary>
    /// <remarks>Inside a transactional batch this is the batch's connection, so the service joins its transaction.</remarks>
    public DataConnection Db => _db ??= HttpContext.Features.Get<RequestDb>()?.Connection ?? Track(Resolve<IDbConnectionFactory>().Open());

    /// <summary>The same connection as <see cref="Db"/>, opened asynchronously on first use.</summary>
    public async ValueTask<DataConnection> OpenDbAsync()
    {
        if (_db is not null) return _db;
        if (HttpContext.Features.Get<RequestDb>() is { } shared) return _db = shared.Connection;
        var db = await Resolve<IDbConnectionFactory>().OpenAsync(CancellationToken).ConfigureAwait(false);
        return _db ??= Track(db);
    }

    private DataConnection Track(DataConnection db)
    {
        // Closed after the response is written, so a streamed result can still read from it.
        HttpContext.Response.RegisterForDisposeAsync(db);
        return db;
    }

    /// <summary>Calls other operations in-process as the same user, through their filters.</summary>
    public IServiceGateway Gateway => _gateway ??= new InProcessServiceGateway(Services, User);

    /// <summary>
    /// Stores and manages files under the app's upload locations (see docs/files.md), as this request's caller: a file
    /// stored by a call that then fails is removed again. Needs <c>services.AddFiles(...)</c>.
    /// </summary>
    public global::BaaS.Files.IFiles Files => _files ??= HttpContext.RequestServices.GetService<global::BaaS.Files.FileService>() is { } files
        ? new global::BaaS.Files.FileStorage(files, HttpContext)
        : throw new InvalidOperationException("This app does not take files: call services.AddFiles(...) (see docs/files.md).");

    /// <summary>Releases what the service holds. Called after the response is written.</summary>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
