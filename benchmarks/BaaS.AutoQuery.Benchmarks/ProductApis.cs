namespace BaaS.Benchmarks.AutoQuery;

/// <summary>Get by id: <c>GET /products/{id}</c>.</summary>
[Route("/products/{Id}", "GET"), ValidateIsAuthenticated]
public class GetProduct : QueryDb<Product>
{
    public int? Id { get; set; }
}

/// <summary>
/// The filtered, sorted page: <c>GET /api/QueryProducts?category=cat-3&amp;priceGreaterThan=500&amp;orderBy=-price&amp;take=20&amp;include=total</c>.
/// </summary>
[ValidateIsAuthenticated]
public class QueryProducts : QueryDb<Product>
{
    public string? Category { get; set; }
    public decimal? PriceGreaterThan { get; set; }
}

/// <summary>
/// The same page, its answer cached per user for a minute (docs/response-caching.md): <c>GET /api/QueryProductsCached?...</c>.
/// Only the response-cache benchmark (<c>run-autoquery.sh --cache</c>) calls it; creates drop its answers.
/// </summary>
[ValidateIsAuthenticated, CacheResponse(Duration = 60, VaryByUser = true)]
public class QueryProductsCached : QueryDb<Product>
{
    public string? Category { get; set; }
    public decimal? PriceGreaterThan { get; set; }
}

/// <summary>Create: <c>POST /api/CreateProduct</c>.</summary>
[ValidateIsAuthenticated]
public class CreateProduct : ICreateDb<Product>, IReturn<IdResponse>, IPost
{
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public decimal Price { get; set; }
    public int Stock { get; set; }
}
