namespace MyApp.ServiceInterface;

/// <summary>A demo user: one per role, made at first start with a generated password.</summary>
public sealed record DemoAccount(string Role, string Email, string DisplayName);
