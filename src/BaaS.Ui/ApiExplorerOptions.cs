namespace BaaS.Ui;

/// <summary>The API Explorer's settings (<c>AddApiExplorer(o => ...)</c>, or the <c>ApiExplorer</c> configuration section).</summary>
public sealed class ApiExplorerOptions
{
    /// <summary>Where the API Explorer is served.</summary>
    public const string Path = "/ui";

    /// <summary>
    /// Whether <c>/ui</c> is served. Default (null): in Development only. The explorer shows what <c>/metadata/app.json</c>
    /// already tells anyone and calls the API as the person using it, with their own session, token or key; turning it
    /// on in Production (<c>ApiExplorer__Enabled=true</c>) gives nobody any right they did not have.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Whether the retired Swagger UI's address (<c>/swagger-ui/</c>) sends browsers to the explorer. Default: true.</summary>
    public bool RedirectSwaggerUi { get; set; } = true;
}
