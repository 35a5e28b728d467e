using BaaS;

namespace NativeFixtures.Shop
{
    /// <summary>An item on sale.</summary>
    public class Item
    {
        public string? Sku { get; set; }

        public decimal Price { get; set; }
    }

    /// <summary>An item of the shop.</summary>
    [Tag("Clashes")]
    public class GetShopItem : IReturn<Item>, IGet
    {
        public string? Sku { get; set; }
    }
}

namespace NativeFixtures.Warehouse
{
    /// <summary>An item in stock: the same short name as the shop's.</summary>
    public class Item
    {
        public string? Sku { get; set; }

        public int Quantity { get; set; }
    }

    /// <summary>The warehouse's items, with the shop's item of each.</summary>
    public class StockReport
    {
        public List<Item>? Items { get; set; }

        public Shop.Item? Featured { get; set; }
    }

    /// <summary>Stock of the warehouse.</summary>
    [Tag("Clashes")]
    public class GetStock : IReturn<StockReport>, IGet;

    public class ClashServices : Service
    {
        public Shop.Item Get(Shop.GetShopItem request) => new() { Sku = request.Sku, Price = 9.5m };

        public StockReport Get(GetStock request) => new()
        {
            Items = [new Item { Sku = "a", Quantity = 3 }],
            Featured = new Shop.Item { Sku = "a", Price = 2.25m },
        };
    }
}
