namespace BaaS;

/// <summary>
/// Creates an account with an email and password (<c>POST /register</c>); with <see cref="AutoLogin"/> the answer
/// also signs the new user in. New users get the roles the app configures for them, never roles they ask for.
/// </summary>
[Route("/register")]
[Tag("Auth")]
public class Register : IPost, IReturn<RegisterResponse>
{
    /// <summary>The user name; the email when not given.</summary>
    public string? UserName { get; set; }

    /// <summary>The email address (required): confirmation and password-reset emails go there.</summary>
    public string? Email { get; set; }

    /// <summary>The password.</summary>
    public string? Password { get; set; }

    /// <summary>The password again; when sent, it must match.</summary>
    public string? ConfirmPassword { get; set; }

    /// <summary>The name to show.</summary>
    public string? DisplayName { get; set; }

    /// <summary>First name (with <see cref="LastName"/>, the display name when none is given).</summary>
    public string? FirstName { get; set; }

    /// <summary>Last name.</summary>
    public string? LastName { get; set; }

    /// <summary>Sign the new user in: the answer carries tokens and sets the token cookies.</summary>
    public bool? AutoLogin { get; set; }

    /// <summary>Extra data; ignored by the server.</summary>
    public Dictionary<string, string>? Meta { get; set; }
}
