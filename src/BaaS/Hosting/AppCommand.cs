namespace BaaS;

/// <summary>
/// A command-line action an app can run instead of serving, such as <c>--migrate</c> or <c>--rollback 2</c>:
/// <c>dotnet run --project MyApp -- --migrate</c>. Registered by startup modules with
/// <see cref="AppCommandExtensions.AddAppCommand"/>; run by <see cref="AppCommandExtensions.RunAppAsync"/>.
/// </summary>
/// <param name="Name">The switch, e.g. <c>--migrate</c>.</param>
/// <param name="Description">One line for <c>--help</c>.</param>
/// <param name="Run">Runs the command with the app's services and the arguments after the switch; returns the exit code.</param>
public sealed record AppCommand(string Name, string Description, Func<IServiceProvider, string[], CancellationToken, Task<int>> Run);
