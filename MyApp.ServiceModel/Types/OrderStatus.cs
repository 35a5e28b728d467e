namespace MyApp.ServiceModel;

/// <summary>
/// Where an order is in its life: Placed -> Accepted -> Preparing -> OutForDelivery -> Delivered, or Cancelled
/// (from Placed, Accepted or Preparing).
/// </summary>
public enum OrderStatus
{
    /// <summary>The customer placed it; the restaurant has not answered yet.</summary>
    Placed,

    /// <summary>The restaurant's owner accepted it.</summary>
    Accepted,

    /// <summary>The kitchen is making it: couriers can take it.</summary>
    Preparing,

    /// <summary>A courier took it and is on the way.</summary>
    OutForDelivery,

    /// <summary>The courier handed it over.</summary>
    Delivered,

    /// <summary>Cancelled by the customer, the restaurant, an administrator, or the stale-order sweep.</summary>
    Cancelled,
}
