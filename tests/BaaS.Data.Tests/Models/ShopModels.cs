using BaaS.DataAnnotations;

namespace BaaS.Data.Tests;

internal enum OrderStatus { Draft, Placed, Shipped, Cancelled }

internal sealed class Customer
{
    [AutoIncrement] public int Id { get; set; }
    [Index(Unique = true)] [StringLength(100)] public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Country { get; set; }
    [Reference] public List<Order> Orders { get; set; } = [];
    [Reference] public CustomerProfile? Profile { get; set; }
}

internal sealed class CustomerProfile
{
    [AutoIncrement] public int Id { get; set; }
    [ForeignKey(typeof(Customer), OnDelete = "CASCADE")] public int CustomerId { get; set; }
    public string Bio { get; set; } = "";
}

[Alias("orders")]
[CompositeIndex(nameof(CustomerId), nameof(Number), Unique = true)]
internal sealed class Order
{
    [AutoIncrement] public int Id { get; set; }
    [References(typeof(Customer))] public int? CustomerId { get; set; }
    public int Number { get; set; }
    [Index] public string Name { get; set; } = "";
    public decimal Total { get; set; }
    public int Quantity { get; set; }
    public OrderStatus Status { get; set; }
    public bool IsGift { get; set; }
    public DateTime PlacedAt { get; set; }
    public string? Note { get; set; }
    [Ignore] public string Computed => Name + "!";
    [Reference] public Customer? Customer { get; set; }
    [Reference] public List<OrderLine> Lines { get; set; } = [];
}

internal sealed class OrderLine
{
    [AutoIncrement] public int Id { get; set; }
    [ForeignKey(typeof(Order), OnDelete = "CASCADE")] public int OrderId { get; set; }
    public string Product { get; set; } = "";
    public decimal Price { get; set; }
}

internal sealed class Document
{
    [AutoId] public Guid Id { get; set; }
    public string Title { get; set; } = "";
    [RowVersion] public long RowVersion { get; set; }
}

internal sealed class Setting
{
    [PrimaryKey] public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    [Default(Sql = DefaultSql.CurrentTimestamp)] public DateTime? UpdatedAt { get; set; }
    [Default(7)] public int? Level { get; set; }
}

internal sealed class Tagged
{
    [AutoIncrement] public int Id { get; set; }
    [ForeignKey(typeof(Customer), OnDelete = "SET NULL")] public int? OwnerId { get; set; }
    [Required] public string? Label { get; set; }
    [Default("none")] public string? Kind { get; set; }
}

/// <summary>A projection of Order joined to Customer.</summary>
internal sealed class OrderView
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public decimal Total { get; set; }
    public string CustomerName { get; set; } = "";
    public string CustomerEmail { get; set; } = "";
}

internal sealed class StatusTotal
{
    public OrderStatus Status { get; set; }
    public decimal Total { get; set; }
    public long Count { get; set; }
}
