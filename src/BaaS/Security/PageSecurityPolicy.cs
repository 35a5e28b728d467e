using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BaaS;

/// <summary>
/// How an HTML page served by the platform or a feature (the Admin UI, the API Explorer) declares its own
/// <c>Content-Security-Policy</c>, in place of <see cref="SecurityHeadersSettings.PageContentSecurityPolicy"/>: on its
/// endpoint (<see cref="WithContentSecurityPolicy{TBuilder}"/>), or, for pages served by middleware, per request
/// (<see cref="Set"/>). A declared policy without <c>frame-ancestors</c> gets <c>frame-ancestors 'none'</c> added.
/// </summary>
public static class PageSecurityPolicy
{
    private static readonly object ItemKey = new();

    /// <summary>Declares the policy of the page that <paramref name="context"/> answers with.</summary>
    public static void Set(HttpContext context, string policy)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(policy);
        context.Items[ItemKey] = WithFrameAncestors(policy);
    }

    /// <summary>Declares the policy of the pages an endpoint answers with.</summary>
    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(policy);
        var metadata = new ContentSecurityPolicyMetadata(WithFrameAncestors(policy));
        builder.Add(endpoint => endpoint.Metadata.Add(metadata));
        return builder;
    }

    /// <summary>The policy declared for the page of <paramref name="context"/>, or null.</summary>
    internal static string? Declared(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var policy) ? (string?)policy : context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicyMetadata>()?.Policy;

    private static string WithFrameAncestors(string policy) =>
        policy.Contains("frame-ancestors", StringComparison.OrdinalIgnoreCase) ? policy : policy.TrimEnd().TrimEnd(';') + "; frame-ancestors 'none'";
}

/// <summary>The <c>Content-Security-Policy</c> an endpoint's pages declare (see <see cref="PageSecurityPolicy"/>).</summary>
/// <param name="Policy">The policy.</param>
public sealed record ContentSecurityPolicyMetadata(string Policy);
