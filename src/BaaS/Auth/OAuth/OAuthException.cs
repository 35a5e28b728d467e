namespace BaaS.Auth.OAuth;

/// <summary>A provider refused or misbehaved during sign-in: answered as 401 with the code.</summary>
internal sealed class OAuthException(string errorCode, string message) : HttpError(401, errorCode, message);
