namespace BaaS.Ui;

/// <summary>The Admin UI's settings (<c>AddAdminUi(o => ...)</c>, or the <c>AdminUi</c> configuration section).</summary>
public sealed class AdminUiOptions
{
    /// <summary>Where the Admin UI is served.</summary>
    public const string Path = "/admin-ui";

    /// <summary>
    /// Who may sign in to the Admin UI: users with any of these roles (default: Admin). What a user sees and may change
    /// inside is still what their roles allow: an Owner let in sees only the operations an Owner may call.
    /// </summary>
    public List<string> Roles { get; set; } = [AuthRequirements.AdminRole];

    /// <summary>The app's own pages in the navigation (links to pages the app serves, see <see cref="AdminUiPage.Url"/>).</summary>
    public List<AdminUiPage> Pages { get; set; } = [];

    /// <summary>Whether administrators may browse the database's tables and rows (read only). Default: true.</summary>
    public bool ShowDatabase { get; set; } = true;
}
