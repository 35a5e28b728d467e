using BaaS.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Ui;

/// <summary>
/// The Admin UI as a feature: maps <c>/admin-ui</c> to the embedded single-page app and tells it (metadata
/// <c>plugins.adminUi</c>) who may enter and which pages exist: its own (dashboard, data, database) and those every
/// other feature brings through <see cref="BaaSFeature.AdminUiPages"/>. Added by <c>AddAdminUi()</c>.
/// </summary>
internal sealed class AdminUiFeature(AdminUiOptions options) : BaaSFeature
{
    /// <summary>
    /// What the page may load: its own scripts and styles (Vite builds no inline script), images from anywhere over
    /// https (a model's image column) and the page's own <c>blob:</c> URLs (the preview of an image chosen for upload),
    /// calls to this site only. Nothing may frame it.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:; font-src 'self'; " +
        "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public override string Id => "adminUi";

    public AdminUiOptions Options => options;

    public override IEnumerable<Type> ServiceTypes =>
        options.ShowDatabase ? [typeof(AdminUiServices), typeof(Database.DatabaseAdminServices)] : [typeof(AdminUiServices)];

    public override IEnumerable<AdminUiPage> AdminUiPages =>
        options.ShowDatabase ? [new("database", "Database") { Icon = "database", Order = 30 }] : [];

    public override void MapEndpoints(IEndpointRouteBuilder endpoints, BaaSHost host)
    {
        var endpoint = new UiEndpoint(EmbeddedAssets.Apps, ContentSecurityPolicy);
        endpoints.MapMethods(AdminUiOptions.Path, ["GET", "HEAD"], endpoint.HandleAsync);
        endpoints.MapMethods(AdminUiOptions.Path + "/{**path}", ["GET", "HEAD"], endpoint.HandleAsync);
    }

    public override object? Describe(IServiceProvider services, OperationCatalog catalog)
    {
        var pages = services.GetServices<BaaSFeature>().SelectMany(f => f.AdminUiPages).Concat(options.Pages)
            .OrderBy(p => p.Group ?? "Admin", StringComparer.Ordinal).ThenBy(p => p.Order).ThenBy(p => p.Label, StringComparer.Ordinal)
            .Select(p => new AdminUiPageInfo(p.Id, p.Label, p.Icon, p.Group ?? "Admin", [.. p.Roles], p.Url))
            .ToList();
        return new AdminUiInfo(AdminUiOptions.Path, [.. options.Roles], pages);
    }
}

/// <summary>What <c>plugins.adminUi</c> says.</summary>
/// <param name="Path">Where the Admin UI is.</param>
/// <param name="Roles">Who may sign in to it.</param>
/// <param name="Pages">The pages of its navigation besides the dashboard and the data models.</param>
internal sealed record AdminUiInfo(string Path, IReadOnlyList<string> Roles, IReadOnlyList<AdminUiPageInfo> Pages);

/// <summary>A page in <see cref="AdminUiInfo.Pages"/>.</summary>
internal sealed record AdminUiPageInfo(string Id, string Label, string? Icon, string Group, IReadOnlyList<string> Roles, string? Url);
