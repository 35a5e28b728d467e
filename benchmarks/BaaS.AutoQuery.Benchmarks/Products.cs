using BaaS.DataAnnotations;

namespace BaaS.Benchmarks.AutoQuery;

public class Product
{
    [AutoIncrement]
    public int Id { get; set; }
    public string Name { get; set; } = "";
    [Index]
    public string Category { get; set; } = "";
    public decimal Price { get; set; }
    public int Stock { get; set; }
    public DateTime CreatedAt { get; set; }
}

[Route("/products/{Id}", "GET")]
public class GetProduct : QueryDb<Product>
{
    public int? Id { get; set; }
}

public class QueryProducts : QueryDb<Product>
{
    public string? Category { get; set; }
    public decimal? PriceGreaterThan { get; set; }
}

public class CreateProduct : ICreateDb<Product>, IReturn<IdResponse>
{
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public decimal Price { get; set; }
    public int Stock { get; set; }
}

/// <summary>What the hand-written list endpoint answers: the same shape as AutoQuery's.</summary>
public class ProductPage
{
    public int Offset { get; set; }
    public int Total { get; set; }
    public List<Product> Results { get; set; } = [];
}
