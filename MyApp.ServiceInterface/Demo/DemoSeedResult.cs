namespace MyApp.ServiceInterface;

/// <summary>What a seeding did.</summary>
public sealed record DemoSeedResult(IReadOnlyList<DemoCredential> Credentials, int RestaurantsAdded, int RestaurantsRemoved);
