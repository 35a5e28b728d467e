using BaaS;

namespace MyApp.ServiceModel;

/// <summary>
/// MyApp's roles, named once: in <c>[ValidateHasRole(Roles.Owner)]</c>, <c>User.HasRole(Roles.Courier)</c> and the auth
/// options. Everyone who registers is a Customer; owners, couriers and admins are made by an admin.
/// </summary>
public static class Roles
{
    /// <summary>Places orders and reviews restaurants; every new user has it.</summary>
    public const string Customer = nameof(Customer);

    /// <summary>Runs restaurants: their menus and the orders they receive.</summary>
    public const string Owner = nameof(Owner);

    /// <summary>Takes orders that are ready and delivers them.</summary>
    public const string Courier = nameof(Courier);

    /// <summary>The framework's administrator role (<see cref="AuthRequirements.AdminRole"/>), which has every role and permission.</summary>
    public const string Admin = AuthRequirements.AdminRole;
}
