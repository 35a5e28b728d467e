namespace BaaS;

/// <summary>One user, as administrators see it.</summary>
public class AdminUserResponse : IHasResponseStatus
{
    /// <summary>The user.</summary>
    public AdminUser Result { get; set; } = new();

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
