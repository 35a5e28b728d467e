using System.Security.Cryptography;
using BaaS.Auth.Tests.Infrastructure;
using BaaS.Client;
using BaaS.Data;

namespace BaaS.Auth.Tests.Suites;

/// <summary>Expired refresh tokens are deleted in the background; live ones, and the sessions they carry, stay.</summary>
public sealed class RefreshTokenCleanupTests
{
    [Fact]
    public async Task Expired_refresh_tokens_are_deleted_and_live_ones_keep_working()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Auth:Jwt:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Auth:Jwt:RefreshTokenCleanupInterval"] = "00:00:00.05",
        };
        await using var host = await MiniServer.StartAsync("Development", configuration);
        using var client = new JsonApiClient(host.BaseUrl);
        var registered = await client.SendAsync(new Register { Email = "cleanup@example.com", Password = "a long password", AutoLogin = true });
        var refreshed = await client.SendAsync(new GetAccessToken { RefreshToken = registered.RefreshToken }); // spends the first

        // Two sessions from the past: one spent token and one never used, both expired a day ago.
        var userId = Guid.Parse(registered.UserId!);
        var past = DateTime.UtcNow.AddDays(-8);
        long spentId, unusedId;
        await using (var db = await host.Db.OpenAsync())
        await using (var tx = await db.OpenTransactionAsync()) // both at once, so one cleanup pass takes both
        {
            spentId = await db.InsertAsync(new BaaSRefreshToken
            {
                UserId = userId, FamilyId = Guid.NewGuid(), TokenHash = new string('a', 64), CreatedAt = past, ExpiresAt = past.AddDays(7), UsedAt = past.AddHours(1),
            });
            unusedId = await db.InsertAsync(new BaaSRefreshToken
            {
                UserId = userId, FamilyId = Guid.NewGuid(), TokenHash = new string('b', 64), CreatedAt = past, ExpiresAt = past.AddDays(7),
            });
            await tx.CommitAsync();
        }

        // The cleanup runs every 50 ms here: wait (up to 20 s) until it has taken them.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using (var db = await host.Db.OpenAsync())
                if (await db.CountAsync<BaaSRefreshToken>(t => t.Id == spentId || t.Id == unusedId) == 0) break;
            Assert.True(DateTime.UtcNow < deadline, "the expired refresh tokens were not deleted within 20 s");
            await Task.Delay(50);
        }

        // The same statement left the live ones: the registration's (spent, not expired) and its successor.
        await using (var db = await host.Db.OpenAsync())
            Assert.Equal(2, await db.CountAsync<BaaSRefreshToken>(t => t.UserId == userId));
        var again = await client.SendAsync(new GetAccessToken { RefreshToken = refreshed.RefreshToken });
        Assert.NotNull(again.AccessToken);
        Assert.Contains(host.Logs.Messages, m => m.Message.Contains("Deleted 2 expired refresh token(s)", StringComparison.Ordinal));
    }
}
