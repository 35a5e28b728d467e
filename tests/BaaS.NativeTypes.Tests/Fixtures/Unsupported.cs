using BaaS;

namespace NativeFixtures.Unsupported
{
    /// <summary>A property whose type no client language can declare.</summary>
    public class GetAddress : IReturn<AddressInfo>, IGet;

    public class AddressInfo
    {
        public System.Net.IPAddress? Address { get; set; }
    }

    public class UnsupportedServices : Service
    {
        public AddressInfo Get(GetAddress request) => new();
    }
}

namespace NativeFixtures.Collide
{
    /// <summary>An app type literally named like the qualified name of another: the rule cannot make both unique.</summary>
    public class Shop_Item
    {
        public string? Note { get; set; }
    }

    [Tag("Clashes")]
    public class GetCollision : IReturn<CollisionReport>, IGet;

    public class CollisionReport
    {
        public Shop_Item? Literal { get; set; }

        public NativeFixtures.Shop.Item? Shop { get; set; }

        public NativeFixtures.Warehouse.Item? Warehouse { get; set; }
    }

    public class CollisionServices : Service
    {
        public CollisionReport Get(GetCollision request) => new();
    }
}
