namespace BaaS.Auth;

/// <summary>
/// The access-token deny list's settings, bound from <c>BaaS:Auth:DenyList</c> (e.g. the environment variable
/// <c>BaaS__Auth__DenyList__FailureMode=Closed</c>). The deny list itself lives in the platform's cache: in memory on one
/// node, on Redis across nodes when <c>ConnectionStrings:Redis</c> is set.
/// </summary>
public sealed class DenyListOptions
{
    /// <summary>The configuration section: <c>BaaS:Auth:DenyList</c>.</summary>
    public const string SectionName = "BaaS:Auth:DenyList";

    /// <summary>
    /// What a request carrying an access token gets while the deny list cannot be read (Redis away). Default:
    /// <see cref="DenyListFailureMode.Open"/>.
    /// </summary>
    public DenyListFailureMode FailureMode { get; set; } = DenyListFailureMode.Open;
}
