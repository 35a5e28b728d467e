namespace BaaS.Auth.OAuth;

/// <summary>Who an OAuth provider says the user is.</summary>
/// <param name="Provider">The provider's configured name.</param>
/// <param name="ProviderKey">The user's stable id at the provider (<c>sub</c>, GitHub's numeric id).</param>
/// <param name="Email">The email the provider gave, if any.</param>
/// <param name="EmailVerified">Whether the provider says the user proved that address.</param>
/// <param name="UserName">A user name to start from (GitHub login, <c>preferred_username</c>).</param>
/// <param name="DisplayName">The user's name.</param>
/// <param name="PictureUrl">A picture.</param>
internal sealed record ExternalIdentity(
    string Provider, string ProviderKey, string? Email, bool EmailVerified, string? UserName, string? DisplayName, string? PictureUrl);
