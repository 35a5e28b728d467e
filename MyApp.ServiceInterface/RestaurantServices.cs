using BaaS;
using BaaS.Data;
using MyApp.ServiceModel;

namespace MyApp.ServiceInterface;

/// <summary>Browsing and managing restaurants and their menus.</summary>
public class RestaurantServices(TimeProvider clock) : Service
{
    public async Task<RestaurantDetails> Get(GetRestaurant request)
    {
        var db = await OpenDbAsync();
        var restaurant = await db.SingleByIdAsync<Restaurant>(request.Id, CancellationToken)
            ?? throw HttpError.NotFound($"Restaurant {request.Id} does not exist.");
        var menu = await db.SelectAsync(db.From<MenuItem>().Where(m => m.RestaurantId == request.Id).OrderBy(m => m.Name), CancellationToken);
        return new RestaurantDetails { Restaurant = restaurant, Menu = menu };
    }

    public async Task<IdResponse> Post(CreateRestaurant request)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
            throw HttpError.Validation(nameof(request.Name), "NotEmpty", "'Name' must not be empty.");
        if (request.DeliveryMinutes is < 1 or > 240)
            throw HttpError.Validation(nameof(request.DeliveryMinutes), "OutOfRange", "'DeliveryMinutes' must be between 1 and 240.");
        var db = await OpenDbAsync();
        var id = await db.InsertAsync(new Restaurant
        {
            Name = request.Name.Trim(),
            Cuisine = request.Cuisine.Trim(),
            Address = request.Address.Trim(),
            DeliveryMinutes = request.DeliveryMinutes,
            DeliveryFee = request.DeliveryFee,
            IsOpen = request.IsOpen,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }, CancellationToken);
        return new IdResponse { Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    public async Task<IdResponse> Post(AddMenuItem request)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
            throw HttpError.Validation(nameof(request.Name), "NotEmpty", "'Name' must not be empty.");
        if (request.Price <= 0)
            throw HttpError.Validation(nameof(request.Price), "GreaterThan", "'Price' must be greater than 0.");
        if (request.StockLeft < 0)
            throw HttpError.Validation(nameof(request.StockLeft), "GreaterThanOrEqual", "'StockLeft' must not be negative.");
        var db = await OpenDbAsync();
        if (!await db.ExistsAsync<Restaurant>(r => r.Id == request.RestaurantId, CancellationToken))
            throw HttpError.NotFound($"Restaurant {request.RestaurantId} does not exist.");
        var id = await db.InsertAsync(new MenuItem
        {
            RestaurantId = request.RestaurantId,
            Name = request.Name.Trim(),
            Description = request.Description,
            Price = request.Price,
            StockLeft = request.StockLeft,
        }, CancellationToken);
        return new IdResponse { Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
