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
        await services.GetRequiredService<Migrator>().RunAsync(ct);
        await using var db = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync(ct);
        var added = await DemoData.SeedAsync(db, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
        Console.WriteLine(added == 0 ? "Restaurants exist already: nothing added." : $"Added {added} demo restaurants.");
        return 0;
    }
}
