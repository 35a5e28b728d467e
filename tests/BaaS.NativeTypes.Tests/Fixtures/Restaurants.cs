using BaaS;

namespace NativeFixtures.Restaurants;

/// <summary>A restaurant that delivers.</summary>
public class Restaurant : AuditBase
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The kind of food, e.g. Thai.</summary>
    public string Cuisine { get; set; } = "";

    /// <summary>Average review rating, 0 to 5.</summary>
    public decimal Rating { get; set; }

    public bool IsOpen { get; set; }
}

/// <summary>Finds restaurants.</summary>
[Tag("Restaurants"), Route("/restaurants", "GET")]
public class QueryRestaurants : QueryDb<Restaurant>, IGet
{
    /// <summary>Only cuisines containing this text.</summary>
    public string? CuisineContains { get; set; }

    public decimal? RatingGreaterThan { get; set; }
}

/// <summary>Adds a restaurant.</summary>
[Tag("Restaurants"), ValidateIsAuthenticated]
public class CreateRestaurant : ICreateDb<Restaurant>, IReturn<IdResponse>, IPost
{
    public string Name { get; set; } = "";

    public string Cuisine { get; set; } = "";

    public decimal Rating { get; set; }

    public bool IsOpen { get; set; }
}

/// <summary>Changes the fields that are sent.</summary>
[Tag("Restaurants"), ValidateIsAuthenticated, Route("/restaurants/{Id}", "PATCH")]
public class PatchRestaurant : IPatchDb<Restaurant>, IReturn<IdResponse>, IPatch
{
    public int Id { get; set; }

    public string? Name { get; set; }

    public string? Cuisine { get; set; }

    public decimal? Rating { get; set; }

    public bool? IsOpen { get; set; }
}

/// <summary>Removes a restaurant: owners only.</summary>
[Tag("Restaurants"), ValidateHasRole("Owner"), Route("/restaurants/{Id}", "DELETE")]
public class DeleteRestaurant : IDeleteDb<Restaurant>, IReturnVoid, IDelete
{
    public int Id { get; set; }
}

/// <summary>The restaurants of one test server.</summary>
public sealed class RestaurantStore
{
    private readonly Lock _lock = new();
    private readonly List<Restaurant> _rows = [];
    private int _nextId;

    public int Add(Restaurant row, string by)
    {
        lock (_lock)
        {
            row.Id = ++_nextId;
            row.CreatedBy = row.ModifiedBy = by;
            row.CreatedDate = row.ModifiedDate = DateTime.UtcNow;
            _rows.Add(row);
            return row.Id;
        }
    }

    public T Read<T>(Func<List<Restaurant>, T> read)
    {
        lock (_lock) return read(_rows);
    }
}

/// <summary>Hand-written stand-ins for what AutoQuery will generate: query with filters and paging, create, patch, delete.</summary>
public class RestaurantServices(RestaurantStore store) : Service
{
    public QueryResponse<Restaurant> Get(QueryRestaurants request) => store.Read(rows =>
    {
        IEnumerable<Restaurant> matching = rows;
        if (request.CuisineContains is { } cuisine) matching = matching.Where(r => r.Cuisine.Contains(cuisine, StringComparison.OrdinalIgnoreCase));
        if (request.RatingGreaterThan is { } rating) matching = matching.Where(r => r.Rating > rating);
        matching = (request.OrderBy ?? (request.OrderByDesc is { } desc ? "-" + desc : "id")).ToLowerInvariant() switch
        {
            "rating" => matching.OrderBy(r => r.Rating),
            "-rating" => matching.OrderByDescending(r => r.Rating),
            "name" => matching.OrderBy(r => r.Name, StringComparer.Ordinal),
            "-name" => matching.OrderByDescending(r => r.Name, StringComparer.Ordinal),
            _ => matching.OrderBy(r => r.Id),
        };
        var all = matching.ToList();
        var page = all.Skip(request.Skip ?? 0).Take(request.Take ?? 100).ToList();
        return new QueryResponse<Restaurant>
        {
            Offset = request.Skip ?? 0,
            Total = request.Include?.Contains("total", StringComparison.OrdinalIgnoreCase) == true ? all.Count : page.Count,
            Results = page,
        };
    });

    public IdResponse Post(CreateRestaurant request)
    {
        var errors = new List<ResponseError>();
        if (string.IsNullOrWhiteSpace(request.Name)) errors.Add(new ResponseError("NotEmpty", nameof(request.Name), "'Name' must not be empty."));
        if (request.Rating is < 0 or > 5) errors.Add(new ResponseError("InclusiveBetween", nameof(request.Rating), "'Rating' must be between 0 and 5."));
        if (errors.Count > 0) throw HttpError.Validation(errors);
        var id = store.Add(new Restaurant { Name = request.Name, Cuisine = request.Cuisine, Rating = request.Rating, IsOpen = request.IsOpen }, User.Identity?.Name ?? "");
        return new IdResponse { Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    public IdResponse Patch(PatchRestaurant request) => store.Read(rows =>
    {
        var row = rows.FirstOrDefault(r => r.Id == request.Id) ?? throw HttpError.NotFound($"Restaurant {request.Id} does not exist.");
        if (request.Name is { } name) row.Name = name;
        if (request.Cuisine is { } cuisine) row.Cuisine = cuisine;
        if (request.Rating is { } rating) row.Rating = rating;
        if (request.IsOpen is { } open) row.IsOpen = open;
        row.ModifiedDate = DateTime.UtcNow;
        row.ModifiedBy = User.Identity?.Name ?? "";
        return new IdResponse { Id = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    });

    public void Delete(DeleteRestaurant request) => store.Read(rows =>
    {
        if (rows.RemoveAll(r => r.Id == request.Id) == 0) throw HttpError.NotFound($"Restaurant {request.Id} does not exist.");
        return true;
    });
}
