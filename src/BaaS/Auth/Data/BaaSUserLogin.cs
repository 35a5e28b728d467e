using BaaS.DataAnnotations;

namespace BaaS.Auth;

/// <summary>An external sign-in of a user (table <c>baas_user_login</c>): an OAuth provider and the user's id there.</summary>
[Alias("baas_user_login")]
[CompositeIndex(nameof(LoginProvider), nameof(ProviderKey), Unique = true)]
public class BaaSUserLogin
{
    /// <summary>The row's id.</summary>
    [AutoIncrement]
    public long Id { get; set; }

    /// <summary>The provider's name, e.g. <c>github</c>.</summary>
    [StringLength(128)]
    public string LoginProvider { get; set; } = "";

    /// <summary>The user's id at the provider.</summary>
    [StringLength(256)]
    public string ProviderKey { get; set; } = "";

    /// <summary>The provider's name for people.</summary>
    public string? ProviderDisplayName { get; set; }

    /// <summary>The user.</summary>
    [ForeignKey(typeof(BaaSUser), OnDelete = "CASCADE"), Index]
    public Guid UserId { get; set; }
}
