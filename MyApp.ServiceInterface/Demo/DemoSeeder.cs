using System.Security.Cryptography;
using BaaS;
using BaaS.Auth;
using BaaS.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MyApp.ServiceModel;

namespace MyApp.ServiceInterface;

/// <summary>
/// Demo data for a newcomer: one user per role with a generated password (shown once, through
/// <see cref="DemoCredentialsOutput"/>), and the demo owner's restaurants with menus and a few delivered, reviewed
/// orders. Seeding again changes nothing; a reset (<c>--seed</c>) replaces the demo owner's restaurants and everything
/// hanging off them, and re-creates demo users that are missing. The admin is the configured one (<c>Auth:Admin:Email</c>)
/// when there is one.
/// </summary>
public sealed class DemoSeeder(IDbConnectionFactory dbFactory, UserManager<BaaSUser> users, IOptions<AuthOptions> auth, TimeProvider clock, DemoCredentialsOutput output)
{
    /// <summary>The demo users.</summary>
    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new(Roles.Customer, "customer@example.com", "Casey Customer"),
        new(Roles.Owner, "owner@example.com", "Olive Owner"),
        new(Roles.Courier, "courier@example.com", "Cody Courier"),
        new(Roles.Admin, "admin@example.com", "Ada Admin"),
    ];

    /// <summary>The demo users' email addresses by role.</summary>
    public static string EmailOf(string role) => Accounts.Single(a => a.Role == role).Email;

    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// Makes missing demo users (and, with <paramref name="newPasswords"/>, new passwords for existing ones), prints
    /// their credentials, and adds the demo restaurants when the demo owner has none, or replaces them when
    /// <paramref name="reset"/>.
    /// </summary>
    public async Task<DemoSeedResult> SeedAsync(bool reset, bool newPasswords, CancellationToken ct)
    {
        var credentials = new List<DemoCredential>();
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = new Dictionary<string, BaaSUser>();
        foreach (var account in Accounts)
        {
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                if (account.Role == Roles.Admin && !string.IsNullOrWhiteSpace(auth.Value.Admin.Email)) continue; // the configured admin is the admin
                var password = NewPassword();
                user = new BaaSUser
                {
                    UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.DisplayName,
                    LockoutEnabled = true, CreatedAt = now,
                };
                Check(await users.CreateAsync(user, password));
                var roles = auth.Value.NewUserRoles.Append(account.Role).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                Check(await users.AddToRolesAsync(user, roles));
                credentials.Add(new DemoCredential(account.Role, account.Email, password));
            }
            else if (newPasswords)
            {
                var password = NewPassword();
                if (await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user));
                Check(await users.AddPasswordAsync(user, password));
                credentials.Add(new DemoCredential(account.Role, account.Email, password));
            }
            ids[account.Role] = user;
        }
        output.Write(credentials);

        await using var db = await dbFactory.OpenAsync(ct);
        var owner = ids[Roles.Owner].Id;
        var removed = 0;
        if (reset) removed = await RemoveAsync(db, owner, ids[Roles.Customer].Id, ct);
        else if (await db.ExistsAsync<Restaurant>(r => r.OwnerId == owner, ct)) return new DemoSeedResult(credentials, 0, 0);
        var added = await AddAsync(db, ids, now, ct);
        return new DemoSeedResult(credentials, added, removed);
    }

    private static string NewPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 16);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not make a demo user: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Deletes the demo owner's restaurants with their menus, orders, deliveries and reviews, and the demo customer's profile.</summary>
    private static async Task<int> RemoveAsync(DataConnection db, Guid owner, Guid customer, CancellationToken ct)
    {
        await using var transaction = await db.OpenTransactionAsync(ct);
        var restaurantIds = await db.ColumnAsync<int>(db.From<Restaurant>().Where(r => r.OwnerId == owner).Select(r => r.Id), ct);
        var orderIds = await db.ColumnAsync<int>(db.From<Order>().Where(o => restaurantIds.Contains(o.RestaurantId)).Select(o => o.Id), ct);
        await db.DeleteAsync<Review>(r => restaurantIds.Contains(r.RestaurantId), ct);
        await db.DeleteAsync<Delivery>(d => orderIds.Contains(d.OrderId), ct);
        await db.DeleteAsync<OrderItem>(i => orderIds.Contains(i.OrderId), ct);
        await db.DeleteAsync<Order>(o => orderIds.Contains(o.Id), ct);
        await db.DeleteAsync<MenuItem>(m => restaurantIds.Contains(m.RestaurantId), ct);
        await db.DeleteAsync<Restaurant>(r => restaurantIds.Contains(r.Id), ct);
        await db.DeleteAsync<CustomerProfile>(p => p.UserId == customer, ct);
        await transaction.CommitAsync(ct);
        return restaurantIds.Count;
    }

    private static async Task<int> AddAsync(DataConnection db, Dictionary<string, BaaSUser> users, DateTime now, CancellationToken ct)
    {
        var owner = users[Roles.Owner];
        var customer = users[Roles.Customer];
        var courier = users[Roles.Courier];
        var ownerName = owner.UserName;
        var customerName = customer.UserName;
        const string address = "1 Elm Street";
        var restaurants = DemoData.Restaurants();
        await using var transaction = await db.OpenTransactionAsync(ct);
        if (!await db.ExistsAsync<CustomerProfile>(p => p.UserId == customer.Id, ct))
            await db.InsertAsync(Audited(new CustomerProfile { UserId = customer.Id, DisplayName = "Casey", DefaultAddress = address }, customerName, now), ct);
        var placedAt = now.AddDays(-1);
        foreach (var (restaurant, menu, pastRatings) in restaurants)
        {
            restaurant.OwnerId = owner.Id;
            await db.InsertAsync(Audited(restaurant, ownerName, now), ct);
            foreach (var item in menu)
            {
                item.RestaurantId = restaurant.Id;
                item.OwnerId = owner.Id;
                await db.InsertAsync(Audited(item, ownerName, now), ct);
            }
            // A past order per rating: delivered by the demo courier, reviewed by the demo customer.
            foreach (var stars in pastRatings)
            {
                var dish = menu[0];
                placedAt = placedAt.AddMinutes(17);
                var order = new Order
                {
                    RestaurantId = restaurant.Id, CustomerId = customer.Id, OwnerId = owner.Id, CourierId = courier.Id,
                    CustomerName = "Casey", DeliveryAddress = address, Status = OrderStatus.Delivered,
                    Subtotal = dish.Price, DeliveryFee = restaurant.DeliveryFee, Total = dish.Price + restaurant.DeliveryFee,
                    PlacedAt = placedAt, AcceptedAt = placedAt.AddMinutes(2),
                    EstimatedDeliveryAt = OrderServices.EstimateDelivery(placedAt, restaurant.DeliveryMinutes, 1),
                    DeliveredAt = placedAt.AddMinutes(restaurant.DeliveryMinutes),
                };
                await db.InsertAsync(order, ct);
                await db.InsertAsync(new OrderItem { OrderId = order.Id, MenuItemId = dish.Id, Name = dish.Name, UnitPrice = dish.Price, Quantity = 1, LineTotal = dish.Price }, ct);
                await db.InsertAsync(new Delivery
                {
                    OrderId = order.Id, CourierId = courier.Id, RestaurantId = restaurant.Id,
                    PickupAddress = $"{restaurant.Name}, {restaurant.Address}", DropoffAddress = address,
                    PickedUpAt = placedAt.AddMinutes(15), DeliveredAt = order.DeliveredAt,
                }, ct);
                await db.InsertAsync(Audited(new Review
                {
                    OrderId = order.Id, RestaurantId = restaurant.Id, CustomerId = customer.Id, Rating = stars,
                    Comment = stars == 5 ? "Perfect, and still hot." : "Good food, a little late.",
                }, customerName, now), ct);
            }
            if (pastRatings.Length > 0) await ReviewServices.UpdateRatingAsync(db, restaurant.Id, ct);
        }
        await transaction.CommitAsync(ct);
        return restaurants.Length;
    }

    private static T Audited<T>(T row, string by, DateTime now) where T : AuditBase
    {
        row.CreatedDate = row.ModifiedDate = now;
        row.CreatedBy = row.ModifiedBy = by;
        return row;
    }
}
