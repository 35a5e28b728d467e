using BaaS.DataAnnotations;

namespace BaaS.Auth;

/// <summary>A role (table <c>baas_role</c>); created the first time a user is given it.</summary>
[Alias("baas_role")]
public class BaaSRole
{
    /// <summary>The id.</summary>
    [AutoId]
    public Guid Id { get; set; }

    /// <summary>The role's name, e.g. <c>Owner</c>.</summary>
    [StringLength(256)]
    public string Name { get; set; } = "";

    /// <summary>The name normalized for lookups (upper case).</summary>
    [Index(Unique = true), StringLength(256)]
    public string NormalizedName { get; set; } = "";

    /// <summary>Changes on every update.</summary>
    public string ConcurrencyStamp { get; set; } = "";
}
