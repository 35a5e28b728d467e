namespace BaaS;

/// <summary>The new account, and tokens when the request asked to sign in (<see cref="Register.AutoLogin"/>).</summary>
public class RegisterResponse : IHasResponseStatus
{
    /// <summary>The new user's id.</summary>
    public string? UserId { get; set; }

    /// <summary>The session, when signed in.</summary>
    public string? SessionId { get; set; }

    /// <summary>The user name.</summary>
    public string? UserName { get; set; }

    /// <summary>Where the client came from, when known.</summary>
    public string? ReferrerUrl { get; set; }

    /// <summary>The access token, when signed in.</summary>
    public string? BearerToken { get; set; }

    /// <summary>The refresh token, when signed in.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>The roles the new user got.</summary>
    public List<string>? Roles { get; set; }

    /// <summary>The permissions the new user got.</summary>
    public List<string>? Permissions { get; set; }

    /// <summary>Extra data.</summary>
    public Dictionary<string, string>? Meta { get; set; }

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
