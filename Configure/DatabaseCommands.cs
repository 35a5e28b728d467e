using BaaS.Data;
using MyApp.ServiceInterface;

namespace MyApp;

/// <summary>The database's command-line actions (see <see cref="ConfigureDb"/>).</summary>
internal static class DatabaseCommands
{
    public static async Task<int> MigrateAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var applied = await services.GetRequiredService<Migrator>().RunAsync(ct);
        Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied: {string.Join(", ", applied)}");
        return 0;
    }

    public static async Task<int> RollbackAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var count = 1;
        if (args.Length > 0 && !args[0].StartsWith('-') && (!int.TryParse(args[0], out count) || count < 1))
        {
            Console.Error.WriteLine($"--rollback takes a number of migrations of 1 or more, not '{args[0]}'.");
            return 2;
        }
        var reverted = await services.GetRequiredService<Migrator>().RollbackAsync(count, ct);
        Console.WriteLine(reverted.Count == 0 ? "Nothing to roll back." : $"Rolled back: {string.Join(", ", reverted)}");
        return 0;
    }

    public static async Task<int> StatusAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        foreach (var status in await services.GetRequiredService<Migrator>().GetStatusAsync(ct))
            Console.WriteLine(status.AppliedAt is { } at ? $"  applied  {status.Name}  {at:u}" : $"  pending  {status.Name}");
        return 0;
    }

    public static async Task<int> SeedAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var unknown = args.Where(a => a != "--new-passwords").ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"--seed takes only --new-passwords, not '{string.Join(" ", unknown)}'.");
            return 2;
        }
        await services.GetRequiredService<Migrator>().RunAsync(ct);
        var result = await services.GetRequiredService<DemoSeeder>().SeedAsync(reset: true, newPasswords: args.Contains("--new-passwords"), ct);
        Console.WriteLine($"Demo data reset: removed {result.RestaurantsRemoved} and added {result.RestaurantsAdded} demo restaurants" +
            (result.Credentials.Count == 0 ? "; the demo users exist (their passwords are unchanged)." : "."));
        return 0;
    }
}
