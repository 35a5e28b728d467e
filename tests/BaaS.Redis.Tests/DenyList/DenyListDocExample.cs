using BaaS.Auth;
using Microsoft.AspNetCore.Identity;

namespace BaaS.Redis.Tests.DenyList;

// The example of docs/auth.md ("Your own changes to users"), compiled and run by DenyListDocExampleTests.

#region snippet:auth-deny-list-revoke
/// <summary>Takes the Owner role from a user, and with it the tokens that still carry it.</summary>
[ValidateIsAdmin]
public class RevokeOwnership : IPost, IReturn<EmptyResponse>
{
    public string UserName { get; set; } = "";
}

public class OwnershipServices(UserManager<BaaSUser> users, AccessTokenDenyList denyList) : Service
{
    public async Task<EmptyResponse> Post(RevokeOwnership request)
    {
        var user = await users.FindByNameAsync(request.UserName)
            ?? throw HttpError.NotFound($"There is no user named '{request.UserName}'.", "UserNotFound");
        await users.RemoveFromRoleAsync(user, "Owner");
        // Their tokens issued before now stop working on every node; the next refresh gives tokens without the role.
        await denyList.RevokeUserAsync(user.Id, CancellationToken);
        return new EmptyResponse();
    }
}
#endregion
