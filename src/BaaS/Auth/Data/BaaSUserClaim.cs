using BaaS.DataAnnotations;

namespace BaaS.Auth;

/// <summary>A claim of a user (table <c>baas_user_claim</c>): permissions are claims of type <c>perm</c>.</summary>
[Alias("baas_user_claim")]
public class BaaSUserClaim
{
    /// <summary>The row's id.</summary>
    [AutoIncrement]
    public long Id { get; set; }

    /// <summary>The user.</summary>
    [ForeignKey(typeof(BaaSUser), OnDelete = "CASCADE"), Index]
    public Guid UserId { get; set; }

    /// <summary>The claim's type, e.g. <c>perm</c>.</summary>
    [StringLength(256)]
    public string ClaimType { get; set; } = "";

    /// <summary>The claim's value.</summary>
    public string ClaimValue { get; set; } = "";
}
