using System.Data.Common;
using System.Diagnostics;
using BaaS.Data;
using BaaS.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>
/// What an app checks before it writes anything: every options validator (all options registered with
/// <c>ValidateOnStart</c>: the framework's, AutoQuery's, auth's key and lifetimes, the app's own), then that its
/// database answers. <see cref="AppCommandExtensions.RunAppAsync"/> runs both before migrations, seeding, commands
/// or serving; <see cref="StartupModuleExtensions.UseModules"/> runs the first before any module's <c>Configure</c>.
/// </summary>
public static class StartupChecks
{
    /// <summary>The setting that bounds how long startup waits for the database: <c>Database:StartupRetrySeconds</c>.</summary>
    public const string RetrySetting = "Database:StartupRetrySeconds";

    /// <summary>How long startup waits for the database by default: 30 seconds.</summary>
    public static readonly TimeSpan DefaultRetryBudget = TimeSpan.FromSeconds(30);

    /// <summary>Runs every options validator registered with <c>ValidateOnStart</c>, all of them, before anything else.</summary>
    /// <exception cref="ConfigurationException">One or more settings cannot work; its failures name them, one per line.</exception>
    public static void ValidateConfiguration(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception e) when (e is not ConfigurationException && ConfigurationException.From(e) is { } configuration)
        {
            throw configuration;
        }
    }

    /// <summary>
    /// Waits until the app's database (the registered <see cref="IDbConnectionFactory"/>, if any) accepts a connection,
    /// retrying with a growing pause (0.5 s, 1 s, 2 s, 4 s, then every 5 s) for at most <c>Database:StartupRetrySeconds</c>
    /// (default 30; 0 tries once), logging each retry in one line.
    /// </summary>
    /// <exception cref="DatabaseUnavailableException">The database still cannot be reached when the time is up.</exception>
    /// <exception cref="ConfigurationException">The database answered but refused the connection (wrong password, no such database...).</exception>
    public static async Task WaitForDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<IDbConnectionFactory>() is not { } factory) return;
        var seconds = services.GetService<IConfiguration>()?.GetValue<double?>(RetrySetting) ?? DefaultRetryBudget.TotalSeconds;
        if (seconds < 0) throw new ConfigurationException($"{RetrySetting} is {seconds}: it must be 0 (try once) or more seconds.");
        var budget = TimeSpan.FromSeconds(seconds);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("BaaS.Hosting.StartupChecks");
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DatabaseUnavailableException e)
            {
                var left = budget - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                    throw new DatabaseUnavailableException(
                        $"The database cannot be reached after {attempt} attempt(s) in {clock.Elapsed.TotalSeconds:0.#} s ({Reason(e)}); " +
                        $"check that it runs and the connection string, or wait longer with {RetrySetting}.", e);
                var pause = delay < left ? delay : left;
                Log.DatabaseRetry(logger, attempt, Reason(e), pause.TotalSeconds, budget.TotalSeconds);
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
            catch (DbException e)
            {
                throw new ConfigurationException([$"The database refused the connection ({Reason(e)}): check the connection string."], e);
            }
        }
    }

    private static string Reason(Exception e)
    {
        // The driver's own message names the host and port; its innermost cause says why (refused, timed out...).
        var inner = e.InnerException ?? e;
        var root = inner.GetBaseException();
        var text = ReferenceEquals(root, inner) ? inner.Message : $"{inner.Message.TrimEnd('.')}: {root.Message}";
        return text.ReplaceLineEndings(" ").TrimEnd('.');
    }
}
