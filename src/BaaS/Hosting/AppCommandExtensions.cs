using BaaS.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS;

/// <summary>Registers and runs <see cref="AppCommand"/>s.</summary>
public static class AppCommandExtensions
{
    /// <summary>Registers a command-line action of the app.</summary>
    public static IServiceCollection AddAppCommand(this IServiceCollection services, AppCommand command) =>
        services.AddSingleton(command);

    /// <summary>
    /// Runs the first registered command named in <paramref name="args"/> (and exits with its code), lists them for
    /// <c>--help</c>, or else serves the app until it is stopped. Before a command or serving, it checks the
    /// configuration (<see cref="StartupChecks.ValidateConfiguration"/>) and waits for the database
    /// (<see cref="StartupChecks.WaitForDatabaseAsync"/>), so nothing is migrated, seeded or written with settings that
    /// cannot work. A setting that cannot work prints <c>Configuration error: ...</c> (one line each) on standard error,
    /// a database still unreachable prints <c>Database error: ...</c>; both exit with 1, without a stack trace.
    /// </summary>
    public static async Task<int> RunAppAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        var commands = app.Services.GetServices<AppCommand>().ToList();
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine("Usage: dotnet run --project <app> [-- <command>]\n\nWithout a command the app serves HTTP. Commands:");
            foreach (var c in commands) Console.WriteLine($"  {c.Name,-16} {c.Description}");
            return 0;
        }
        using var cancel = new CancellationTokenSource();
        try
        {
            app.Services.ValidateConfiguration();
            for (var i = 0; i < args.Length; i++)
            {
                var command = commands.FirstOrDefault(c => string.Equals(c.Name, args[i], StringComparison.OrdinalIgnoreCase));
                if (command is null) continue;
                Console.CancelKeyPress += (_, e) =>
                {
                    e.Cancel = true;
                    cancel.Cancel();
                };
                await app.Services.WaitForDatabaseAsync(cancel.Token).ConfigureAwait(false);
                await using var scope = app.Services.CreateAsyncScope();
                return await command.Run(scope.ServiceProvider, args[(i + 1)..], cancel.Token).ConfigureAwait(false);
            }
            await app.Services.WaitForDatabaseAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (ConfigurationException.From(e) is { } configuration)
        {
            foreach (var failure in configuration.Failures) await Console.Error.WriteLineAsync($"Configuration error: {failure}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (DialectProvider.FindUnavailable(e) is { } unavailable)
        {
            await Console.Error.WriteLineAsync($"Database error: {unavailable.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested || app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return 130;
        }
    }
}
