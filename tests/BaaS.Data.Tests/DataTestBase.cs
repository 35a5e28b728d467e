namespace BaaS.Data.Tests;

/// <summary>Helpers shared by the behaviour suites: fresh tables per test, the shop schema, sample orders.</summary>
public abstract class DataTestBase(TestDatabaseFixture fixture)
{
    protected TestDatabaseFixture Fixture { get; } = fixture;

    protected bool IsPostgres => Fixture.IsPostgres;

    protected DataConnection Open() => Fixture.Open();

    /// <summary>Drops (children first) and recreates the shop tables.</summary>
    protected static void ResetShop(DataConnection db)
    {
        db.DropTableIfExists<Tagged>();
        db.DropTableIfExists<OrderLine>();
        db.DropTableIfExists<Order>();
        db.DropTableIfExists<CustomerProfile>();
        db.DropTableIfExists<Customer>();
        db.CreateTable<Customer>();
        db.CreateTable<CustomerProfile>();
        db.CreateTable<Order>();
        db.CreateTable<OrderLine>();
        db.CreateTable<Tagged>();
    }

    protected static void Reset<T>(DataConnection db)
    {
        db.DropTableIfExists<T>();
        db.CreateTable<T>();
    }

    /// <summary>Two customers and five orders with known totals, statuses and names.</summary>
    private protected static (Customer Ann, Customer Bob) SeedShop(DataConnection db)
    {
        ResetShop(db);
        var ann = new Customer { Email = "ann@example.com", Name = "Ann", Country = "NL" };
        var bob = new Customer { Email = "bob@example.com", Name = "Bob", Country = null };
        db.Insert(ann);
        db.Insert(bob);
        var t0 = new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        db.InsertAll(new[]
        {
            new Order { CustomerId = ann.Id, Number = 1, Name = "Pizza", Total = 12.50m, Quantity = 1, Status = OrderStatus.Placed, PlacedAt = t0 },
            new Order { CustomerId = ann.Id, Number = 2, Name = "Pie", Total = 7.25m, Quantity = 2, Status = OrderStatus.Shipped, PlacedAt = t0.AddDays(1), IsGift = true },
            new Order { CustomerId = bob.Id, Number = 1, Name = "Pasta", Total = 100m, Quantity = 3, Status = OrderStatus.Placed, PlacedAt = t0.AddDays(2), Note = "ring twice" },
            new Order { CustomerId = bob.Id, Number = 2, Name = "salad_bar 100%", Total = 9.99m, Quantity = 1, Status = OrderStatus.Cancelled, PlacedAt = t0.AddDays(3) },
            new Order { CustomerId = null, Number = 9, Name = "Soup", Total = 0.01m, Quantity = 5, Status = OrderStatus.Draft, PlacedAt = t0.AddDays(4) },
        });
        return (ann, bob);
    }
}
