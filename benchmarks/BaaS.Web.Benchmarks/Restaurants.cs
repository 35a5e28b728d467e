namespace BaaS.Benchmarks.Web;

public class Restaurant
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Cuisine { get; set; } = "";
    public decimal Rating { get; set; }
    public bool IsOpen { get; set; }
    public List<string> Tags { get; set; } = [];
}

[Route("/restaurants/{Id}", "GET")]
public class GetRestaurant : IReturn<Restaurant>, IGet
{
    public int Id { get; set; }
}

/// <summary>The same lookup with a declarative rule, so the validation filter runs in its pipeline.</summary>
[Route("/restaurants/{Id}/checked", "GET")]
public class GetCheckedRestaurant : IReturn<Restaurant>, IGet
{
    [ValidateGreaterThan(0)]
    public int Id { get; set; }
}

public sealed class RestaurantStore
{
    private readonly Dictionary<int, Restaurant> _restaurants = Enumerable.Range(1, 100).ToDictionary(i => i, i => new Restaurant
    {
        Id = i,
        Name = $"Restaurant {i}",
        Cuisine = i % 2 == 0 ? "Thai" : "Italian",
        Rating = 3.5m + i % 3 * 0.5m,
        IsOpen = i % 5 != 0,
        Tags = ["delivery", "takeaway"],
    });

    public Restaurant? Find(int id) => _restaurants.GetValueOrDefault(id);
}

public class RestaurantServices(RestaurantStore store) : Service
{
    public Restaurant Get(GetRestaurant request) =>
        store.Find(request.Id) ?? throw HttpError.NotFound($"Restaurant {request.Id} does not exist.");

    public Restaurant Get(GetCheckedRestaurant request) =>
        store.Find(request.Id) ?? throw HttpError.NotFound($"Restaurant {request.Id} does not exist.");
}
