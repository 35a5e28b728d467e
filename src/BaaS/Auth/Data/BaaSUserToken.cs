using BaaS.DataAnnotations;

namespace BaaS.Auth;

/// <summary>A named value Identity keeps for a user (table <c>baas_user_token</c>), such as an authenticator key.</summary>
[Alias("baas_user_token")]
[CompositeIndex(nameof(UserId), nameof(LoginProvider), nameof(Name), Unique = true)]
public class BaaSUserToken
{
    /// <summary>The row's id.</summary>
    [AutoIncrement]
    public long Id { get; set; }

    /// <summary>The user.</summary>
    [ForeignKey(typeof(BaaSUser), OnDelete = "CASCADE")]
    public Guid UserId { get; set; }

    /// <summary>Who keeps the value.</summary>
    [StringLength(128)]
    public string LoginProvider { get; set; } = "";

    /// <summary>The value's name.</summary>
    [StringLength(128)]
    public string Name { get; set; } = "";

    /// <summary>The value.</summary>
    public string? Value { get; set; }
}
