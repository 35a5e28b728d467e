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
    /// <c>--help</c>, or else serves the app until it is stopped.
    /// </summary>
    public static async Task<int> RunAppAsync(this WebApplication app, string[] args)
    {
        var commands = app.Services.GetServices<AppCommand>().ToList();
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine("Usage: dotnet run --project <app> [-- <command>]\n\nWithout a command the app serves HTTP. Commands:");
            foreach (var c in commands) Console.WriteLine($"  {c.Name,-16} {c.Description}");
            return 0;
        }
        for (var i = 0; i < args.Length; i++)
        {
            var command = commands.FirstOrDefault(c => string.Equals(c.Name, args[i], StringComparison.OrdinalIgnoreCase));
            if (command is null) continue;
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
            await using var scope = app.Services.CreateAsyncScope();
            return await command.Run(scope.ServiceProvider, args[(i + 1)..], cancel.Token).ConfigureAwait(false);
        }
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
