namespace BaaS;

/// <summary>
/// A page of the Admin UI that a feature brings (<see cref="BaaSFeature.AdminUiPages"/>) or an app adds
/// (<c>AddAdminUi(o => o.Pages.Add(...))</c>). The Admin UI lists it in its navigation for users with one of
/// <see cref="Roles"/>. A page the Admin UI's bundle draws itself (users, API keys, jobs, request logs, files) is
/// named by <see cref="Id"/>; any other page is a link to <see cref="Url"/>, a page the app serves.
/// </summary>
/// <param name="Id">The page's name, unique in the app, and its path under <c>/admin-ui/</c>: <c>jobs</c>.</param>
/// <param name="Label">Its name in the navigation: <c>Jobs</c>.</param>
public sealed record AdminUiPage(string Id, string Label)
{
    /// <summary>A built-in icon's name (see <see cref="IconAttribute"/>).</summary>
    public string? Icon { get; init; }

    /// <summary>The navigation section it is listed under; <c>Admin</c> when unset.</summary>
    public string? Group { get; init; }

    /// <summary>Who sees it: any of these roles (the Admin role always does). Empty: everyone the Admin UI lets in.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [AuthRequirements.AdminRole];

    /// <summary>Where a page that the Admin UI's bundle does not draw lives (a path of the app or an absolute URL).</summary>
    public string? Url { get; init; }

    /// <summary>Orders pages within a group: lower first.</summary>
    public int Order { get; init; }
}
