using BaaS.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Auth;

/// <summary>Command-line actions of the auth feature, for <c>services.AddAppCommand(...)</c>.</summary>
public static class AuthCommands
{
    /// <summary>
    /// <c>--create-admin [email]</c>: applies pending migrations (when a <see cref="Migrator"/> is registered), then makes
    /// the user an administrator, creating it when missing. The email comes from the argument or <c>Auth:Admin:Email</c>;
    /// the password from <c>Auth:Admin:Password</c> (environment or <c>.env</c>), else a line read from standard input,
    /// so it never lands in the shell's history.
    /// </summary>
    public static AppCommand CreateAdmin { get; } = new("--create-admin",
        "make a user an administrator (email as argument or Auth:Admin:Email; password from Auth:Admin:Password or stdin), then exit",
        RunCreateAdminAsync);

    private static async Task<int> RunCreateAdminAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var email = args.FirstOrDefault(a => !a.StartsWith('-')) ?? configuration["Auth:Admin:Email"];
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("--create-admin needs an email: --create-admin admin@example.com (or set Auth__Admin__Email).").ConfigureAwait(false);
            return 2;
        }
        if (services.GetService<Migrator>() is { } migrator) await migrator.RunAsync(ct).ConfigureAwait(false);
        var accounts = services.GetRequiredService<AdminAccounts>();
        var password = configuration["Auth:Admin:Password"];
        try
        {
            var (user, created) = await accounts.EnsureAdminAsync(email, password).ConfigureAwait(false);
            Console.WriteLine(created ? $"Created the administrator {user.Email}." : $"{user.Email} is an administrator.");
            return 0;
        }
        catch (HttpError e) when (e.FieldErrors.Any(f => f.FieldName == "Password") && password is null)
        {
            Console.Write($"Password for {email}: ");
            password = await Console.In.ReadLineAsync(ct).ConfigureAwait(false);
            try
            {
                var (user, _) = await accounts.EnsureAdminAsync(email, password).ConfigureAwait(false);
                Console.WriteLine($"Created the administrator {user.Email}.");
                return 0;
            }
            catch (HttpError again)
            {
                await Console.Error.WriteLineAsync(again.Message).ConfigureAwait(false);
                return 1;
            }
        }
        catch (HttpError e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
