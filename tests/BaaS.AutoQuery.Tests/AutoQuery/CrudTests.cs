using System.Net;
using System.Text.Json;
using BaaS.AutoQuery.Tests.Fixtures;
using BaaS.Client;
using BaaS.Data;
using BaaS.Text;

namespace BaaS.AutoQuery.Tests.AutoQuery;

/// <summary>Declared CRUD DTOs become write APIs: the same behaviour on every database.</summary>
public abstract class CrudTests<THost>(THost host) : IClassFixture<THost> where THost : AutoQueryFixture
{
    private static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..8];

    private async Task<Dish?> ReadAsync(int id)
    {
        await using var db = await host.Factory.OpenAsync();
        return await db.SingleByIdAsync<Dish>(id);
    }

    private async Task<int> CreateAsync(JsonApiClient client, string name, decimal price = 5m, string? sku = null) =>
        int.Parse((await client.SendAsync(new CreateDish { Name = name, Price = price, Sku = sku })).Id!);

    [Fact]
    public async Task Create_writes_declared_fields_and_server_values_never_the_callers()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Test-User", "alice");
        // tenantId and createdBy are not declared on CreateDish: sending them changes nothing.
        using var response = await http.PostAsync("/api/CreateDish", HttpAssert.Json("""{"name":"Pho","price":9.5,"tenantId":"mallory","createdBy":"mallory"}"""));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var id = int.Parse(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!);

        var row = (await ReadAsync(id))!;
        Assert.Equal("Pho", row.Name);
        Assert.Equal(9.5m, row.Price);
        Assert.Equal("alice", row.TenantId);
        Assert.Equal("alice", row.CreatedBy);
        Assert.Equal("alice", row.ModifiedBy);
        Assert.Equal("Draft", row.Status);
        Assert.NotNull(row.Ref);
        Assert.Equal("127.0.0.1", row.CreatedIp);
        Assert.True(row.CreatedDate > DateTime.UtcNow.AddMinutes(-5));
        Assert.Equal(1, row.RowVersion);
    }

    [Fact]
    public async Task Create_can_answer_the_created_row()
    {
        using var client = host.CreateClient("alice");
        var dish = await client.SendAsync(new CreateDishReturningRow { Name = "Laksa", Price = 11m });
        Assert.True(dish.Id > 0);
        Assert.Equal("alice", dish.TenantId);
    }

    [Fact]
    public async Task Create_stores_null_for_a_nullable_number_left_out_and_the_value_when_sent()
    {
        using var client = host.CreateClient("alice");
        var without = await client.SendAsync(new CreateDishReturningRow { Name = Unique("Broth"), Price = 3m });
        Assert.Null(without.Calories);
        Assert.Null((await ReadAsync(without.Id))!.Calories);
        var with = await client.SendAsync(new CreateDishReturningRow { Name = Unique("Stew"), Price = 3m, Calories = 250 });
        Assert.Equal(250, (await ReadAsync(with.Id))!.Calories);
    }

    [Fact]
    public async Task A_price_beyond_its_declared_precision_is_400_naming_the_field_and_more_decimals_are_rounded()
    {
        // Dish.Price is [DecimalLength(8, 2)]: at most 999999.99.
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Test-User", "alice");
        var name = Unique("Caviar");
        using var response = await http.PostAsync("/api/CreateDish", HttpAssert.Json($$"""{"name":"{{name}}","price":1000000}"""));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("responseStatus").GetProperty("errors")[0];
        Assert.Equal("Price", error.GetProperty("fieldName").GetString(), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("decimal(8,2)", error.GetProperty("message").GetString());

        using var client = host.CreateClient("alice");
        var id = await CreateAsync(client, Unique("Roe"), 999999.994m);
        Assert.Equal("999999.99", (await ReadAsync(id))!.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var patch = await client.ApiAsync(new PatchDish { Id = id, Price = 999999.995m });
        Assert.Equal(400, patch.StatusCode);
    }

    [Fact]
    public async Task Anonymous_create_is_401()
    {
        using var client = host.CreateClient();
        var result = await client.ApiAsync(new CreateDish { Name = "x", Price = 1 });
        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Update_writes_every_declared_field_and_patch_only_the_sent_ones()
    {
        using var client = host.CreateClient("alice");
        var id = await CreateAsync(client, "Ramen", 10m);
        await client.SendAsync(new PatchDish { Id = id, Description = "Rich broth" });
        var patched = (await ReadAsync(id))!;
        Assert.Equal("Ramen", patched.Name);
        Assert.Equal("Rich broth", patched.Description);

        await client.SendAsync(new UpdateDish { Id = id, Name = "Shoyu Ramen", Price = 12m });
        var updated = (await ReadAsync(id))!;
        Assert.Equal("Shoyu Ramen", updated.Name);
        Assert.Equal(12m, updated.Price);
        Assert.Null(updated.Description); // declared and not sent: an update sets it to its default
        Assert.Equal("alice", updated.TenantId);
        Assert.Equal("Draft", updated.Status);
        Assert.Equal(3, updated.RowVersion);

        var nothing = await client.ApiAsync(new PatchDish { Id = id });
        Assert.Equal("NothingToChange", nothing.ErrorCode);
        var noKey = await client.ApiAsync(new UpdateDish { Name = "x" });
        Assert.Equal("Required", noKey.FieldError("Id")?.ErrorCode);
    }

    [Fact]
    public async Task Stale_row_version_is_409_and_a_fresh_one_wins()
    {
        using var client = host.CreateClient("alice");
        var id = await CreateAsync(client, "Curry", 8m);
        var fresh = await client.SendAsync(new PatchDish { Id = id, Price = 9m, RowVersion = 1 });
        Assert.Equal(2, fresh.RowVersion);
        var stale = await client.ApiAsync(new PatchDish { Id = id, Price = 7m, RowVersion = 1 });
        Assert.Equal(409, stale.StatusCode);
        Assert.Equal(9m, (await ReadAsync(id))!.Price);
    }

    [Fact]
    public async Task Soft_delete_hides_the_row_from_queries_and_writes()
    {
        using var client = host.CreateClient("alice");
        var name = Unique("Soon gone");
        var id = await CreateAsync(client, name);
        await client.SendAsync(new DeleteDish { Id = id });
        var row = (await ReadAsync(id))!;
        Assert.NotNull(row.DeletedDate);
        Assert.Equal("alice", row.DeletedBy);

        Assert.Empty((await client.SendAsync(new QueryDishes { Name = name })).Results);
        Assert.Equal(404, (await client.ApiAsync(new DeleteDish { Id = id })).StatusCode);
        Assert.Equal(404, (await client.ApiAsync(new PatchDish { Id = id, Name = "back" })).StatusCode);
    }

    [Fact]
    public async Task Delete_by_filter_needs_a_filter_and_deletes_only_the_callers_rows()
    {
        using var alice = host.CreateClient("alice");
        using var bob = host.CreateClient("bob");
        var name = Unique("Shared name");
        var aliceId = await CreateAsync(alice, name);
        var bobId = await CreateAsync(bob, name);

        var unfiltered = await alice.ApiAsync(new DeleteDishesByName());
        Assert.Equal("NoFilter", unfiltered.ErrorCode);
        var deleted = await alice.SendAsync(new DeleteDishesByName { Name = name });
        Assert.Equal("1", deleted.Id);
        Assert.Null(await ReadAsync(aliceId));
        Assert.NotNull(await ReadAsync(bobId));
    }

    [Fact]
    public async Task Save_inserts_then_updates_and_never_touches_another_tenants_row()
    {
        using var alice = host.CreateClient("alice");
        using var bob = host.CreateClient("bob");
        var id = int.Parse((await alice.SendAsync(new SaveDish { Name = "Saved", Price = 3m })).Id!);
        Assert.Equal("Saved", (await ReadAsync(id))!.Name);
        await alice.SendAsync(new SaveDish { Id = id, Name = "Saved again", Price = 4m });
        Assert.Equal("Saved again", (await ReadAsync(id))!.Name);

        var hijack = await bob.ApiAsync(new SaveDish { Id = id, Name = "Mine now", Price = 0m });
        Assert.Equal(404, hijack.StatusCode);
        Assert.Equal("Saved again", (await ReadAsync(id))!.Name);
    }

    [Fact]
    public async Task Another_tenants_row_cannot_be_read_changed_or_deleted_through_any_generated_api()
    {
        using var alice = host.CreateClient("alice");
        using var bob = host.CreateClient("bob");
        var name = Unique("Alice only");
        var id = await CreateAsync(alice, name, 6m);

        Assert.Empty((await bob.SendAsync(new QueryDishes { Name = name })).Results);
        using (var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) })
        {
            http.DefaultRequestHeaders.Add("X-Test-User", "bob");
            // an implicit filter naming the tenant cannot widen the mandatory one
            var body = await http.GetStringAsync($"/api/QueryDishes?tenantId=alice&name={Uri.EscapeDataString(name)}");
            Assert.Contains("\"results\":[]", body);
        }
        Assert.Equal(404, (await bob.ApiAsync(new UpdateDish { Id = id, Name = "x", Price = 0 })).StatusCode);
        Assert.Equal(404, (await bob.ApiAsync(new PatchDish { Id = id, Price = 0 })).StatusCode);
        Assert.Equal(404, (await bob.ApiAsync(new DeleteDish { Id = id })).StatusCode);
        Assert.Equal("0", (await bob.SendAsync(new DeleteDishesByName { Name = name })).Id);

        var row = (await ReadAsync(id))!;
        Assert.Equal(6m, row.Price);
        Assert.Null(row.DeletedDate);
        Assert.Single((await alice.SendAsync(new QueryDishes { Name = name })).Results);
    }

    [Fact]
    public async Task Unique_violation_is_409_naming_the_field()
    {
        using var client = host.CreateClient("alice");
        var sku = Unique("SKU");
        await CreateAsync(client, "First", sku: sku);
        var second = await client.ApiAsync(new CreateDish { Name = "Second", Price = 1, Sku = sku });
        Assert.Equal(409, second.StatusCode);
        Assert.Equal("Unique", second.FieldError("Sku")?.ErrorCode);
    }

    [Fact]
    public async Task Crud_batch_is_all_or_nothing()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Test-User", "carol");
        var sku = Unique("BATCH");
        var a = Unique("Batch A");
        var ok = await http.PostAsync("/api/CreateDish[]", HttpAssert.Json($$"""[{"name":"{{a}}","price":1},{"name":"{{Unique("Batch B")}}","price":2}]"""));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement.GetArrayLength());

        var c = Unique("Batch C");
        // the third request breaks the unique SKU: the first two must not stay
        using var failed = await http.PostAsync("/api/CreateDish[]", HttpAssert.Json(
            $$"""[{"name":"{{c}}","price":1,"sku":"{{sku}}"},{"name":"{{c}}","price":2},{"name":"{{c}}","price":3,"sku":"{{sku}}"}]"""));
        await HttpAssert.ErrorAsync(failed, HttpStatusCode.Conflict);
        Assert.Equal("0", failed.Headers.GetValues("X-AutoBatch-Completed").Single());
        using var carol = host.CreateClient("carol");
        Assert.Empty((await carol.SendAsync(new QueryDishes { Name = c })).Results);
        Assert.Single((await carol.SendAsync(new QueryDishes { Name = a })).Results);
    }

    [Fact]
    public async Task Every_write_is_in_the_audit_log_and_only_admins_read_it()
    {
        using var client = host.CreateClient("dave");
        var id = await CreateAsync(client, Unique("Logged"), 2m);
        await client.SendAsync(new PatchDish { Id = id, Price = 3m });
        await client.SendAsync(new DeleteDish { Id = id });
        var failed = await client.ApiAsync(new PatchDish { Id = id, Price = 4m }); // 404: writes nothing, logs nothing

        var forbidden = await client.ApiAsync(new QueryCrudEvents { RowId = id.ToString() });
        Assert.Equal(403, forbidden.StatusCode);

        using var admin = host.CreateClient("root|Admin");
        var events = await admin.SendAsync(new QueryCrudEvents { RowId = id.ToString(), Model = nameof(Dish), OrderBy = "Id" });
        Assert.Equal(["Create", "Patch", "Delete"], events.Results.Select(e => e.EventType));
        Assert.All(events.Results, e => Assert.Equal("dave", e.UserId));
        Assert.Equal(nameof(PatchDish), events.Results[1].RequestType);
        Assert.Contains("\"price\":3", events.Results[1].RequestBody);
        Assert.Equal(404, failed.StatusCode);
    }

    [Fact]
    public async Task Hostile_strings_are_stored_literally()
    {
        using var client = host.CreateClient("alice");
        var hostile = "'); DELETE FROM dish; -- %_\\ \"quoted\" \u0000 \U0001F355";
        var id = await CreateAsync(client, hostile);
        Assert.Equal(hostile, (await ReadAsync(id))!.Name);
        Assert.Single((await client.SendAsync(new QueryDishes { Name = hostile })).Results);
    }
}

public class SqliteCrudTests(SqliteAutoQueryFixture host) : CrudTests<SqliteAutoQueryFixture>(host);

public class PostgreSqlCrudTests(PostgreSqlAutoQueryFixture host) : CrudTests<PostgreSqlAutoQueryFixture>(host);
