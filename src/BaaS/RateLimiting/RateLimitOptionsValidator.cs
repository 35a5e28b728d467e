using Microsoft.Extensions.Options;

namespace BaaS.RateLimiting;

/// <summary>Checks <c>BaaS:RateLimits</c> at startup, naming each setting that is wrong and how to fix it.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        Check(failures, "BaaS:RateLimits:Default", options.Default);
        foreach (var (policy, settings) in options.Policies)
        {
            var path = $"BaaS:RateLimits:Policies:{policy}";
            Check(failures, path, settings);
            if (settings.Operations.Count > 0 && (settings.PermitLimit is null || settings.Window is null))
                failures.Add($"{path} names operations, so it needs its own PermitLimit and Window (e.g. 10 and \"00:01:00\").");
        }
        if (options.LogInterval <= TimeSpan.Zero) failures.Add("BaaS:RateLimits:LogInterval must be positive (e.g. 00:00:30).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string path, RateLimitPolicyOptions settings)
    {
        if (settings.PermitLimit is < 1) failures.Add($"{path}:PermitLimit must be at least 1 (set {path}:Enabled to false to turn the policy off).");
        if (settings.Window is { } window && window <= TimeSpan.Zero) failures.Add($"{path}:Window must be positive (e.g. \"00:01:00\").");
    }
}
