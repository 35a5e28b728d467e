namespace BaaS.Tests.Fixtures.Broken
{
    // These are registered one at a time by startup tests; each breaks startup on purpose.

    [Route("/clash/{Id}", "GET")]
    public class ClashA : IReturn<VerbResponse>, IGet { public int Id { get; set; } }

    [Route("/Clash/{Key}", "GET")]
    public class ClashB : IReturn<VerbResponse>, IGet { public int Key { get; set; } }

    public class ClashServices : Service
    {
        public VerbResponse Get(ClashA request) => new();
        public VerbResponse Get(ClashB request) => new();
    }

    [Route("/unknown/{Missing}")]
    public class BadRouteVariable : IReturn<VerbResponse> { public int Id { get; set; } }

    public class BadRouteVariableServices : Service
    {
        public VerbResponse Any(BadRouteVariable request) => new();
    }

    [Route("/verbs", "PUT")]
    public class RouteVerbNotServed : IReturn<VerbResponse> { }

    public class RouteVerbNotServedServices : Service
    {
        public VerbResponse Get(RouteVerbNotServed request) => new();
    }

    public class ServedTwice : IReturn<VerbResponse> { }

    public class ServedTwiceA : Service
    {
        public VerbResponse Get(ServedTwice request) => new();
    }

    public class ServedTwiceB : Service
    {
        public VerbResponse Get(ServedTwice request) => new();
    }
}

namespace BaaS.Tests.Fixtures.Broken.One
{
    public class SameName : IReturn<VerbResponse> { }

    public class SameNameServicesOne : Service
    {
        public VerbResponse Any(SameName request) => new();
    }
}

namespace BaaS.Tests.Fixtures.Broken.Two
{
    public class SameName : IReturn<VerbResponse> { }

    public class SameNameServicesTwo : Service
    {
        public VerbResponse Any(SameName request) => new();
    }
}
