namespace MyApp.ServiceModel;

/// <summary>MyApp's roles. Everyone who registers is a Customer; owners, couriers and admins are made by an admin.</summary>
public static class Roles
{
    public const string Customer = nameof(Customer);
    public const string Owner = nameof(Owner);
    public const string Courier = nameof(Courier);
    public const string Admin = nameof(Admin);
}
