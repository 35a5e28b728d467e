using BaaS.DataAnnotations;

namespace BaaS.Redis.Tests.ResponseCaching;

public class Bakery
{
    [AutoIncrement] public int Id { get; set; }
    public string Name { get; set; } = "";
}

public class Cake : AuditBase
{
    [AutoIncrement] public int Id { get; set; }
    [References(typeof(Bakery))] public int BakeryId { get; set; }
    public string Name { get; set; } = "";
    public string Flavour { get; set; } = "";
    public decimal Price { get; set; }
}

public class CakeInfo
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string BakeryName { get; set; } = "";
}

#region snippet:response-cache-attribute
[CacheResponse(Duration = 300), Route("/cakes", "GET"), AutoApply(Behavior.AuditQuery)]
public class QueryCakes : QueryDb<Cake>
{
    public string? FlavourContains { get; set; }
    public decimal? PriceLessThan { get; set; }
    public List<int>? Ids { get; set; }
}
#endregion

/// <summary>The same rows with their bakery's name: a query over two models.</summary>
#region snippet:response-cache-join
[CacheResponse(Duration = 300, MaxAge = 0)]
public class QueryCakeShops : QueryDb<Cake, CakeInfo>, IJoin<Cake, Bakery>;
#endregion

/// <summary>Not cached: the same rows, for comparing.</summary>
public class QueryCakesFresh : QueryDb<Cake>;

public class CreateCake : ICreateDb<Cake>, IReturn<IdResponse>, IPost
{
    public int BakeryId { get; set; } = 1;
    public string Name { get; set; } = "";
    public string Flavour { get; set; } = "";
    public decimal Price { get; set; }
}

public class PatchCake : IPatchDb<Cake>, IReturn<IdResponse>, IPatch
{
    public int Id { get; set; }
    public string? Name { get; set; }
    [ValidateGreaterThan(0)] public decimal? Price { get; set; }
}

public class DeleteCake : IDeleteDb<Cake>, IReturnVoid, IDelete
{
    public int Id { get; set; }
}

[AutoApply(Behavior.AuditSoftDelete)]
public class RetireCake : IDeleteDb<Cake>, IReturnVoid, IDelete
{
    public int Id { get; set; }
}

public class RenameBakery : IPatchDb<Bakery>, IReturn<IdResponse>, IPatch
{
    public int Id { get; set; }
    public string? Name { get; set; }
}

/// <summary>A hand-written write that declares the model it changes.</summary>
#region snippet:response-cache-invalidate-attribute
[InvalidateResponses(typeof(Cake))]
public class BakeCake : IReturn<IdResponse>, IPost
{
    public string Name { get; set; } = "";
}
#endregion
