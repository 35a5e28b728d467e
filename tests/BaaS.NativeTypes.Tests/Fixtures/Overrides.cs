using BaaS;

namespace NativeFixtures.Overrides;

/// <summary>A dish.</summary>
public class Dish
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public decimal Price { get; set; }
}

/// <summary>Dishes, dearest first unless asked otherwise: a default given by overriding an inherited property.</summary>
[Tag("Overrides")]
public class QueryDishesByPrice : QueryDb<Dish>, IGet
{
    public decimal? PriceLessThan { get; set; }

    /// <inheritdoc />
    public override string? OrderBy { get; set; } = "-Price";
}

public class OverrideServices : Service
{
    public QueryResponse<Dish> Get(QueryDishesByPrice request) => new() { Results = [new Dish { Id = 1, Name = request.OrderBy ?? "" }] };
}
