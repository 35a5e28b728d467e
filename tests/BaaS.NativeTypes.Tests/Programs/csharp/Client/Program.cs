// Signs in, creates, queries, patches and deletes restaurants with the generated DTOs (Dtos/dtos.cs, from
// /types/csharp?GlobalNamespace=NativeClient.Dtos) and BaaS.Client, reads a validation error, then survives an expired
// access token. Built as it is for the native-types test server (it also echoes every shape); built with the MYAPP
// symbol (the test's copy of this project) for MyApp's DTOs, signed in as an Owner.
// Run: BAAS_BASE_URL=http://localhost:5000 dotnet run. One 'ok <step>' line per step; after 'waiting-for-expiry' it reads
// a line from stdin (the test expires the tokens meanwhile).
#if !MYAPP
using System.Text.Json;
#endif
using BaaS;
using BaaS.Client;
using NativeClient.Dtos;
#if !MYAPP
// BaaS.Interfaces has the platform's own Authenticate DTO: this test server speaks the protocol with its own.
using Authenticate = NativeClient.Dtos.Authenticate;
#endif

var baseUrl = Environment.GetEnvironmentVariable("BAAS_BASE_URL") ?? "http://localhost:5000";
using var client = new JsonApiClient(baseUrl);
var run = DateTime.UtcNow.Ticks.ToString("x", System.Globalization.CultureInfo.InvariantCulture); // names of this run
// Sends a request; the client trades its refresh token for a new access token on a 401 by itself.
Task<T> Send<T>(IReturn<T> request) => client.SendAsync(request);

var anonymous = await client.ApiAsync(new CreateRestaurant { Name = "Anonymous", Cuisine = "None" });
Check(anonymous.Failed && anonymous.StatusCode == 401, $"anonymous create answered {anonymous.StatusCode}");
Console.WriteLine("ok anonymous-refused");

var auth = await client.SendAsync(new Authenticate
{
    Provider = "credentials",
    UserName = Environment.GetEnvironmentVariable("BAAS_USER") ?? "ann@example.org",
    Password = Environment.GetEnvironmentVariable("BAAS_PASSWORD") ?? "correct horse",
});
Check(auth.BearerToken is not null && auth.RefreshToken is not null, "sign-in answered no tokens");
#region snippet:native-types-csharp-refresh
client.BearerToken = auth.BearerToken;
client.RefreshToken = auth.RefreshToken;   // an expired access token is renewed with it, once per 401
#endregion
Console.WriteLine("ok signed-in");

var ids = new List<int>();
foreach (var (name, cuisine) in new[] { ($"CS {run} One", $"Thai {run}"), ($"CS {run} Two", $"thai {run} street"), ($"CS {run} Pizza", $"Italian {run}") })
{
    var created = await Send(new CreateRestaurant { Name = name, Cuisine = cuisine, IsOpen = true });
    ids.Add(int.Parse(created.Id!, System.Globalization.CultureInfo.InvariantCulture));
}
Console.WriteLine($"ok created {ids.Count}");

#region snippet:native-types-csharp-query
var page = await Send(new QueryRestaurants { CuisineContains = $"thai {run}", OrderBy = "name", Skip = 0, Take = 1, Include = "total" });
#endregion
Check(page.Total == 2, $"total {page.Total}");
Check(page.Results.Count == 1 && page.Results[0].Name == $"CS {run} One" && page.Results[0].Rating == 0m, "first page");
var second = await Send(new QueryRestaurants { CuisineContains = $"thai {run}", OrderBy = "name", Skip = 1, Take = 1 });
Check(second.Results.Single().Name == $"CS {run} Two", "second page");
var rated = await Send(new QueryRestaurants { CuisineContains = run, RatingGreaterThan = 4m, Include = "total" });
Check(rated.Total == 0, "new restaurants have no rating yet");
Console.WriteLine("ok queried");

var patched = await Send(new PatchRestaurant { Id = ids[1], Name = $"CS {run} Alpha" });
Check(patched.Id == ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture), "patch answered another id");
var top = await Send(new QueryRestaurants { CuisineContains = $"thai {run}", OrderBy = "name", Take = 1 });
Check(top.Results[0].Name == $"CS {run} Alpha" && top.Results[0].Cuisine == $"thai {run} street", "patch did not keep unsent fields");
Console.WriteLine("ok patched");

await client.SendAsync(new DeleteRestaurant { Id = ids[2] });
var left = await Send(new QueryRestaurants { CuisineContains = run, Include = "total" });
Check(left.Total == 2 && left.Results.All(r => r.Id != ids[2]), "deleted restaurant still listed");
Console.WriteLine("ok deleted");

var invalid = await client.ApiAsync(new CreateRestaurant { Name = "" });
Check(invalid.Failed && invalid.StatusCode == 400, "an invalid create must be refused");
Check(invalid.FieldError("Name")?.ErrorCode == "NotEmpty", "Name error");
// A number out of range: MyApp's DeliveryMinutes (5 to 180), the test server's Rating (0 to 5).
#if MYAPP
var outOfRange = await client.ApiAsync(new CreateRestaurant { Name = "x", DeliveryMinutes = 1 });
Check(outOfRange.FieldError("DeliveryMinutes")?.ErrorCode == "InclusiveBetween", "DeliveryMinutes error");
#else
var outOfRange = await client.ApiAsync(new CreateRestaurant { Name = "x", Rating = 7 });
Check(outOfRange.FieldError("Rating")?.ErrorCode == "InclusiveBetween", "Rating error");
#endif
Console.WriteLine($"ok validation {invalid.FieldErrorMessage("Name")}");

#if !MYAPP
var shapes = new AllShapes
{
    Label = "cs", Int = 42, Long = 9007199254740993, Double = 1.5, Decimal = 12345678901234.56789m, Bool = true, Text = "héllo, \"world\"",
    NullableBool = false, DateTime = new DateTime(2026, 11, 22, 10, 30, 15, 250, DateTimeKind.Utc), DateOnly = new DateOnly(2026, 2, 28),
    TimeOnly = new TimeOnly(18, 30, 5), TimeSpan = new TimeSpan(0, 1, 30, 1, 500), NullableTimeSpan = TimeSpan.FromDays(2),
    Guid = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), Bytes = [0, 1, 254, 255], Strings = ["a", "b,c"], Numbers = [1, 2, 3],
    Points = [new Point { X = 1, Y = 2 }], PointArray = [new Point { X = 3, Y = 4 }], Counts = new() { ["a"] = 1 },
    PointsByName = new() { ["p"] = new Point { X = 5, Y = 6 } }, ListsByName = new() { ["l"] = [7, 8] },
    Status = Status.InProgress, MaybeStatus = Status.Done, Toppings = Toppings.Cheese | Toppings.Basil, Priority = Priority.High,
    Nested = new Inner { Note = "deep", Depth = 2 }, PointPage = new Page<Point> { Number = 3, Items = [new Point { X = 9, Y = 9 }] },
    Pages = [new Page<string> { Number = 1, Items = ["x"] }], Pair = new Pair<string, Point> { Key = "k", Value = new Point { X = 0, Y = 1 } },
};
var echoed = (await Send(new EchoShapes { Shapes = shapes })).Shapes;
var sentJson = JsonSerializer.Serialize(shapes, client.JsonOptions);
var gotJson = JsonSerializer.Serialize(echoed, client.JsonOptions);
Check(sentJson == gotJson, $"echo differs:\n{sentJson}\n{gotJson}");
var points = await Send(new GetPointsPage { Count = 3 });
Check(points.Title == "points" && points.Items![2].Y == 9, "points page");
var stock = await Send(new GetStock());
Check(stock.Items![0].Quantity == 3 && stock.Featured!.Price == 2.25m, "stock");
Console.WriteLine("ok shapes");
#endif

Console.WriteLine("waiting-for-expiry");
Console.ReadLine();
var old = client.BearerToken;
var refreshed = await Send(new CreateRestaurant { Name = "After refresh", Cuisine = "Any" });
Check(refreshed.Id is not null && client.BearerToken != old, "the call after expiry did not refresh the token");
Console.WriteLine("ok refreshed");
Console.WriteLine("done");
return 0;

static void Check(bool condition, string message)
{
    if (!condition) throw new InvalidOperationException(message);
}
