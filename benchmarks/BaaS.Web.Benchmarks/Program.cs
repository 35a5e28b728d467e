using BaaS;
using BaaS.Benchmarks.Web;

// Serves the same restaurant three ways on one Kestrel:
//   GET /api/GetRestaurant?id=1   BaaS predefined route (binding from the query string)
//   GET /restaurants/1            BaaS [Route] (binding from the route)
//   GET /restaurants/1/checked    BaaS [Route] whose DTO has a declarative rule (the validation filter runs)
//   GET /minimal/restaurants/1    plain ASP.NET Core minimal API
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSingleton<RestaurantStore>();
builder.Services.AddBaaS(o => o.ServiceTypes.Add(typeof(RestaurantServices)));
var app = builder.Build();
app.MapGet("/minimal/restaurants/{id:int}", (int id, RestaurantStore store) =>
    store.Find(id) is { } restaurant ? Results.Ok(restaurant) : Results.NotFound());
app.UseBaaS();
app.Run();
