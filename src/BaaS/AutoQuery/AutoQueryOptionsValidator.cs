using Microsoft.Extensions.Options;

namespace BaaS.AutoQuery;

/// <summary>Refuses AutoQuery options that cannot work, at startup, naming the option.</summary>
internal sealed class AutoQueryOptionsValidator : IValidateOptions<AutoQueryOptions>
{
    public ValidateOptionsResult Validate(string? name, AutoQueryOptions options) =>
        options.MaxLimit >= 1
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"AutoQueryOptions.MaxLimit is {options.MaxLimit}: it must be at least 1 (the most rows one query answers).");
}
