namespace MyApp.Tests;

/// <summary>A signed-in user of the app: made through AdminCreateUser with a password generated for this run.</summary>
public sealed record TestUser(Guid Id, string Email, string Password, string Token);
