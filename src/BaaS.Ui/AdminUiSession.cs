namespace BaaS.Ui;

/// <summary>
/// Who is signed in, for the Admin UI: <c>GET /api/AdminUiSession</c> answers the session as <c>GET /auth</c> does, and
/// an empty one (200, no user id) to a visitor instead of 401, so opening the sign-in page logs no failed request in the
/// browser. Like every operation it renews an expired access-token cookie from the refresh-token cookie.
/// </summary>
[ExcludeMetadata]
public sealed class AdminUiSession : IGet, IReturn<AuthenticateResponse>;

/// <summary>Serves <see cref="AdminUiSession"/>.</summary>
internal sealed class AdminUiServices : Service
{
    public async Task<AuthenticateResponse> Get(AdminUiSession request) =>
        User.Identity?.IsAuthenticated == true ? await Gateway.SendAsync(new Authenticate(), CancellationToken) : new AuthenticateResponse();
}
