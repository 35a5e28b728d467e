namespace BaaS.Client;

/// <summary>A request answered 401 and trading the refresh token for a new access token failed too: sign in again.</summary>
public class RefreshTokenException(WebServiceException refreshFailure)
    : WebServiceException(refreshFailure.StatusCode, refreshFailure.StatusDescription, refreshFailure.ResponseStatus, refreshFailure.ResponseBody);
