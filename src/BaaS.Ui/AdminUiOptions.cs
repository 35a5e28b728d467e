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

    /// <summary>
    /// Columns whose values the database page withholds (shown as <c>(hidden)</c>, never filtered or sorted on, so no
    /// value can be probed): patterns matched, ignoring case, against <c>column</c> and <c>table.column</c>, with
    /// <c>*</c> for any run of characters. The defaults cover password hashes, security stamps, token and key hashes,
    /// secrets, stored OAuth tokens and the data-protection keys; add an app's own.
    /// </summary>
    public List<string> HiddenColumns { get; set; } =
        ["*password*", "*secret*", "*_hash", "*hash", "*security_stamp", "*securitystamp", "baas_user_token.value", "baas_data_protection_key.xml"];
}
