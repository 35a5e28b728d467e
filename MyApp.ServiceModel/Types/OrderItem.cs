using BaaS;
using BaaS.DataAnnotations;

namespace MyApp.ServiceModel;

/// <summary>One line of an order: the dish as it was on the menu when the order was placed.</summary>
[Icon("box")]
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

    [DecimalLength(10, 2), Format(ColumnFormat.Currency)]
    public decimal UnitPrice { get; set; }

    public int Quantity { get; set; }

    [DecimalLength(12, 2), Format(ColumnFormat.Currency)]
    public decimal LineTotal { get; set; }
}
