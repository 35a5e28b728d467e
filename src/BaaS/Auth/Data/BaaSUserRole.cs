using BaaS.DataAnnotations;

namespace BaaS.Auth;

/// <summary>A user's role (table <c>baas_user_role</c>).</summary>
[Alias("baas_user_role")]
[CompositeIndex(nameof(UserId), nameof(RoleId), Unique = true)]
public class BaaSUserRole
{
    /// <summary>The row's id.</summary>
    [AutoIncrement]
    public long Id { get; set; }

    /// <summary>The user.</summary>
    [ForeignKey(typeof(BaaSUser), OnDelete = "CASCADE")]
    public Guid UserId { get; set; }

    /// <summary>The role.</summary>
    [ForeignKey(typeof(BaaSRole), OnDelete = "CASCADE"), Index]
    public Guid RoleId { get; set; }
}
