using BaaS.DataAnnotations;

namespace BaaS.Auth;

/// <summary>
/// One key of ASP.NET Core's data-protection key ring (table <c>baas_data_protection_key</c>), so every node of an app
/// reads the tokens (email confirmation, password reset, OAuth state) the others made.
/// </summary>
[Alias("baas_data_protection_key")]
public class BaaSDataProtectionKey
{
    /// <summary>The row's id.</summary>
    [AutoIncrement]
    public long Id { get; set; }

    /// <summary>The key's name in the ring.</summary>
    [StringLength(256)]
    public string? FriendlyName { get; set; }

    /// <summary>The key's XML.</summary>
    public string Xml { get; set; } = "";
}
