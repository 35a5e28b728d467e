namespace BaaS.Auth.Tests.Infrastructure;

/// <summary>A signed-in test user.</summary>
public sealed record SignedIn(BaaS.Client.JsonApiClient Client, string UserName, string Email, string Password, string UserId, string BearerToken, string RefreshToken);
