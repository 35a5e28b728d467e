using System.Text.Json;
using BaaS.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BaaS.Health;

/// <summary>
/// How the health endpoints answer: the overall status as plain text (<c>Healthy</c>, <c>Degraded</c>,
/// <c>Unhealthy</c>) for everyone, which is all a load balancer needs; a signed-in admin gets JSON with every check's
/// status, description, duration and data (never an exception's text: that goes to the log).
/// </summary>
internal static class HealthResponse
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !user.HasRole(AuthRequirements.AdminRole))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(report.Status.ToString(), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body, Indented);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            if (entry.Description is { } description) json.WriteString("description", description);
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            if (entry.Exception is not null) json.WriteString("error", entry.Exception.GetType().Name);
            if (entry.Tags.Any())
            {
                json.WriteStartArray("tags");
                foreach (var tag in entry.Tags) json.WriteStringValue(tag);
                json.WriteEndArray();
            }
            if (entry.Data.Count > 0)
            {
                json.WriteStartObject("data");
                foreach (var (key, value) in entry.Data) json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
