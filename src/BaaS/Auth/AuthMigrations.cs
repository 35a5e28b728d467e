using System.Reflection;
using BaaS.Auth.Migrations;
using BaaS.Data;

namespace BaaS.Auth;

/// <summary>
/// The migrations that create and evolve the auth tables. Apps run them with their own, through the one
/// <see cref="Migrator"/> they already have, so there is one migrations table and one <c>--migrate</c>:
/// <code>new Migrator(dbFactory, AuthMigrations.With(typeof(Migration0001_CreateRestaurants).Assembly))</code>
/// The auth tables take migration number 0, so they exist before any app migration (numbered from 1) that
/// references <c>baas_user</c>.
/// </summary>
public static class AuthMigrations
{
    /// <summary>The auth migrations, in order.</summary>
    public static IReadOnlyList<Type> Types { get; } = [typeof(Migration0000_CreateAuthTables)];

    /// <summary>The auth migrations plus every <see cref="Migration"/> class in <paramref name="appAssemblies"/>.</summary>
    public static IReadOnlyList<Type> With(params Assembly[] appAssemblies) =>
        [.. Types, .. appAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Migration).IsAssignableFrom(t) && !Types.Contains(t))];
}
