using BaaS.DataAnnotations;

namespace MyApp.ServiceModel;

/// <summary>One line of an order: the dish as it was on the menu when the order was placed.</summary>
public class OrderItem
{
    [AutoIncrement]
    public int Id { get; set; }

    [References(typeof(Order)), Index]
    public int OrderId { get; set; }

    [References(typeof(MenuItem))]
    public int MenuItemId { get; set; }

    [StringLength(100)]
    public string Name { get; set; } = "";

    [DecimalLength(10, 2)]
    public decimal UnitPrice { get; set; }

    public int Quantity { get; set; }

    [DecimalLength(12, 2)]
    public decimal LineTotal { get; set; }
}
