using Microsoft.AspNetCore.Http;

namespace BaaS;

/// <summary>
/// Runs for every request of the operations it applies to, over HTTP, in batches and through the
/// <see cref="IServiceGateway"/> alike: authorization, validation, rate limits... Register implementations in DI
/// (<c>services.AddSingleton&lt;IRequestFilter, MyFilter&gt;()</c>). Which operations a filter applies to is decided
/// once at startup, so operations it does not apply to pay nothing. Throw (e.g. <see cref="HttpError"/>) to refuse.
/// </summary>
public interface IRequestFilter
{
    /// <summary>Filters run in ascending order; authorization uses -1000, validation 0.</summary>
    int Order => 0;

    /// <summary>
    /// True to run before the request is bound: the request DTO is not read yet (null), so a refusal (say, "sign in
    /// first") costs no body parsing.
    /// </summary>
    bool RunsBeforeBinding => false;

    /// <summary>Whether the filter applies to <paramref name="operation"/>; asked once per operation at startup.</summary>
    bool AppliesTo(Operation operation);

    /// <summary>Inspects the request; throws to refuse it.</summary>
    /// <param name="context">The request (for in-process calls, a context carrying the caller's user and services).</param>
    /// <param name="operation">The operation being called.</param>
    /// <param name="request">The bound request DTO, or null when <see cref="RunsBeforeBinding"/>.</param>
    ValueTask OnRequestAsync(HttpContext context, Operation operation, object? request);
}
