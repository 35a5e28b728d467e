namespace MyApp.ServiceInterface;

/// <summary>A demo user's sign-in, shown once when its password is made.</summary>
public sealed record DemoCredential(string Role, string Email, string Password);
