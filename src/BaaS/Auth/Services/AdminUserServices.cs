using BaaS.Auth.SignIn;
using BaaS.Auth.Tokens;
using BaaS.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Services;

/// <summary>
/// User management for administrators (the DTOs carry <c>[ValidateIsAdmin]</c>). Every field is checked before
/// anything is written; the scalar changes of an update (names, email, password, lock) are one concurrency-checked
/// write through Identity's <see cref="UserManager{TUser}"/>.
/// </summary>
internal sealed partial class AdminUserServices(
    UserManager<BaaSUser> users, RefreshTokens refreshTokens, AccessTokenDenyList denyList, ClientSignInThrottle throttle, IOptions<AuthOptions> options,
    TimeProvider clock) : Service
{
    private static readonly Dictionary<string, string> SortFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["userName"] = nameof(BaaSUser.UserName),
        ["email"] = nameof(BaaSUser.Email),
        ["displayName"] = nameof(BaaSUser.DisplayName),
        ["createdAt"] = nameof(BaaSUser.CreatedAt),
        ["lastLoginAt"] = nameof(BaaSUser.LastLoginAt),
    };

    public async Task<QueryResponse<AdminUser>> Get(AdminQueryUsers request)
    {
        var (skip, take) = AuthValidation.Paging(request.Skip, request.Take);
        var order = OrderOf(request.OrderBy);
        var db = await OpenDbAsync().ConfigureAwait(false);
        var query = db.From<BaaSUser>();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var text = request.Search.Trim();
            if (text.Length > 256) throw HttpError.Validation(nameof(AdminQueryUsers.Search), "TooLong", "'Search' must be 256 characters or fewer.");
            query.Where(u => u.UserName.Contains(text) || u.Email!.Contains(text) || u.DisplayName!.Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(request.Role))
        {
            var role = AuthValidation.Roles([request.Role], options.Value, nameof(AdminQueryUsers.Role))[0];
            var normalized = role.ToUpperInvariant();
            var roleRow = await db.SingleAsync<BaaSRole>(r => r.NormalizedName == normalized, CancellationToken).ConfigureAwait(false);
            var roleId = roleRow?.Id ?? Guid.Empty;
            var ids = (await db.SelectAsync<BaaSUserRole>(r => r.RoleId == roleId, CancellationToken).ConfigureAwait(false)).Select(r => r.UserId).ToList();
            query.And(u => ids.Contains(u.Id));
        }
        var total = await db.CountAsync(query, CancellationToken).ConfigureAwait(false);
        query.OrderByFields(order).Skip(skip).Take(take);
        var rows = await db.SelectAsync(query, CancellationToken).ConfigureAwait(false);
        return new QueryResponse<AdminUser> { Offset = skip, Total = (int)total, Results = await DescribeAsync(db, rows).ConfigureAwait(false) };
    }

    public async Task<AdminUserResponse> Get(AdminGetUser request)
    {
        var id = AuthValidation.UserId(request.Id, nameof(AdminGetUser.Id));
        var db = await OpenDbAsync().ConfigureAwait(false);
        var user = await db.SingleByIdAsync<BaaSUser>(id, CancellationToken).ConfigureAwait(false) ?? throw NotFound(id);
        return new AdminUserResponse { Result = (await DescribeAsync(db, [user]).ConfigureAwait(false))[0] };
    }

    public async Task<AdminUserResponse> Post(AdminCreateUser request)
    {
        var settings = options.Value;
        var email = AuthValidation.Email(request.Email, nameof(AdminCreateUser.Email));
        var roles = AuthValidation.Roles(request.Roles, settings, nameof(AdminCreateUser.Roles));
        var permissions = AuthValidation.Permissions(request.Permissions, settings, nameof(AdminCreateUser.Permissions));
        var user = new BaaSUser
        {
            UserName = string.IsNullOrWhiteSpace(request.UserName) ? email : request.UserName.Trim(),
            Email = email,
            EmailConfirmed = request.EmailConfirmed == true,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim(),
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (request.Password is not null) await CheckPasswordAsync(user, request.Password, nameof(AdminCreateUser.Password)).ConfigureAwait(false);
        var created = request.Password is null
            ? await users.CreateAsync(user).ConfigureAwait(false)
            : await users.CreateAsync(user, request.Password).ConfigureAwait(false);
        if (!created.Succeeded) throw AuthValidation.ToHttpError(created);
        try
        {
            await UserChanges.AddRolesAsync(users, user, roles).ConfigureAwait(false);
            await UserChanges.AddPermissionsAsync(users, user, permissions).ConfigureAwait(false);
        }
        catch
        {
            await users.DeleteAsync(user).ConfigureAwait(false);
            throw;
        }
        return await ResponseAsync(user.Id).ConfigureAwait(false);
    }

    public async Task<AdminUserResponse> Put(AdminUpdateUser request)
    {
        var settings = options.Value;
        var id = AuthValidation.UserId(request.Id, nameof(AdminUpdateUser.Id));
        var user = await users.FindByIdAsync(id.ToString()).ConfigureAwait(false) ?? throw NotFound(id);
        var addRoles = AuthValidation.Roles(request.AddRoles, settings, nameof(AdminUpdateUser.AddRoles));
        var removeRoles = AuthValidation.Roles(request.RemoveRoles, settings, nameof(AdminUpdateUser.RemoveRoles));
        var addPermissions = AuthValidation.Permissions(request.AddPermissions, settings, nameof(AdminUpdateUser.AddPermissions));
        var removePermissions = (request.RemovePermissions ?? []).Select(p => p?.Trim() ?? "").Where(p => p.Length > 0).ToList();
        var now = clock.GetUtcNow();
        if (request.LockUntil is not null && request.Unlock == true)
            throw HttpError.Validation(nameof(AdminUpdateUser.Unlock), "Conflicting", "Send either 'LockUntil' or 'Unlock', not both.");
        if (request.LockUntil is { } lockUntil && new DateTimeOffset(DateTime.SpecifyKind(lockUntil, DateTimeKind.Utc)) <= now)
            throw HttpError.Validation(nameof(AdminUpdateUser.LockUntil), "InPast", "'LockUntil' must be in the future.");
        var self = User.GetUserId() == id.ToString();
        if (self && request.LockUntil is not null)
            throw HttpError.Validation(nameof(AdminUpdateUser.LockUntil), "CannotLockYourself", "You cannot lock your own account.");
        if (self && removeRoles.Contains(AuthRequirements.AdminRole))
            throw HttpError.Validation(nameof(AdminUpdateUser.RemoveRoles), "CannotDemoteYourself", "You cannot take the Admin role from yourself.");

        if (request.UserName is not null) user.UserName = AuthValidation.Required(request.UserName, nameof(AdminUpdateUser.UserName));
        if (request.Email is not null)
        {
            var email = AuthValidation.Email(request.Email, nameof(AdminUpdateUser.Email));
            if (!string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase)) user.EmailConfirmed = false;
            user.Email = email;
        }
        if (request.EmailConfirmed is { } confirmed) user.EmailConfirmed = confirmed;
        if (request.DisplayName is not null) user.DisplayName = request.DisplayName.Trim() is { Length: > 0 } name ? name : null;
        if (user.DisplayName is { Length: > 256 }) throw HttpError.Validation(nameof(AdminUpdateUser.DisplayName), "TooLong", "'DisplayName' must be 256 characters or fewer.");
        var endSessions = false;
        if (request.Password is not null)
        {
            await CheckPasswordAsync(user, request.Password, nameof(AdminUpdateUser.Password)).ConfigureAwait(false);
            user.PasswordHash = users.PasswordHasher.HashPassword(user, request.Password);
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            endSessions = true;
        }
        if (request.LockUntil is { } until)
        {
            user.LockoutEnabled = true;
            user.LockoutEnd = new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc));
            endSessions = true;
        }
        if (request.SignOutEverywhere == true)
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            endSessions = true;
        }
        if (request.Unlock == true)
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            await throttle.ClearNamesAsync([user.UserName, user.Email], CancellationToken).ConfigureAwait(false);
        }

        // One write for every scalar change; Identity validates names and email and checks they are free.
        var updated = await users.UpdateAsync(user).ConfigureAwait(false);
        if (!updated.Succeeded) throw AuthValidation.ToHttpError(updated);
        await UserChanges.AddRolesAsync(users, user, addRoles).ConfigureAwait(false);
        var removedRoles = await UserChanges.RemoveRolesAsync(users, user, removeRoles).ConfigureAwait(false);
        await UserChanges.AddPermissionsAsync(users, user, addPermissions).ConfigureAwait(false);
        var removedPermissions = await UserChanges.RemovePermissionsAsync(users, user, removePermissions).ConfigureAwait(false);
        // An administrator ending their own sessions stays signed in here, as ChangePassword keeps the caller's session.
        Guid? keep = endSessions && self && request.SignOutEverywhere == true && Guid.TryParseExact(User.GetSessionId() ?? "", "N", out var sid) ? sid : null;
        if (endSessions)
        {
            var db = await OpenDbAsync().ConfigureAwait(false);
            // Refresh tokens, then every access token from before now (the kept session's excepted).
            await refreshTokens.RevokeAllAsync(db, user.Id, keep, CancellationToken).ConfigureAwait(false);
        }
        // Tokens carry roles and permissions: ones taken away must not outlive this call in a token (the kept session's
        // included), unless ending every session has refused those tokens already. Not cancelled once the change is made.
        if ((removedRoles || removedPermissions) && !(endSessions && keep is null))
            await denyList.RevokeUserAsync(user.Id, CancellationToken.None).ConfigureAwait(false);
        return await ResponseAsync(user.Id).ConfigureAwait(false);
    }

    public async Task<IdResponse> Delete(AdminDeleteUser request)
    {
        var id = AuthValidation.UserId(request.Id, nameof(AdminDeleteUser.Id));
        if (User.GetUserId() == id.ToString())
            throw HttpError.Validation(nameof(AdminDeleteUser.Id), "CannotDeleteYourself", "You cannot delete your own account.");
        var user = await users.FindByIdAsync(id.ToString()).ConfigureAwait(false) ?? throw NotFound(id);
        var deleted = await users.DeleteAsync(user).ConfigureAwait(false);
        if (!deleted.Succeeded) throw AuthValidation.ToHttpError(deleted);
        // Its sessions went with it (ON DELETE CASCADE); its access tokens are refused from now on, on every node.
        await denyList.RevokeUserAsync(id, CancellationToken.None).ConfigureAwait(false);
        return new IdResponse { Id = id.ToString() };
    }

    private async Task CheckPasswordAsync(BaaSUser user, string password, string field)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password).ConfigureAwait(false);
            if (!result.Succeeded) errors.AddRange(result.Errors);
        }
        if (errors.Count > 0) throw AuthValidation.ToHttpError(IdentityResult.Failed([.. errors]), field);
    }

    private async Task<AdminUserResponse> ResponseAsync(Guid id)
    {
        var db = await OpenDbAsync().ConfigureAwait(false);
        var user = await db.SingleByIdAsync<BaaSUser>(id, CancellationToken).ConfigureAwait(false) ?? throw NotFound(id);
        return new AdminUserResponse { Result = (await DescribeAsync(db, [user]).ConfigureAwait(false))[0] };
    }

    private static string OrderOf(string? orderBy)
    {
        if (string.IsNullOrWhiteSpace(orderBy)) return nameof(BaaSUser.UserName);
        var text = orderBy.Trim();
        var descending = text.StartsWith('-');
        var name = descending ? text[1..] : text;
        if (!SortFields.TryGetValue(name, out var field))
            throw HttpError.Validation(nameof(AdminQueryUsers.OrderBy), "InvalidField",
                $"Users cannot be ordered by '{Text.WireFormat.Clip(name)}': use {string.Join(", ", SortFields.Keys)}, with '-' in front for descending.");
        return (descending ? "-" : "") + field;
    }

    private static HttpError NotFound(Guid id) => HttpError.NotFound($"There is no user with id {id}.", "UserNotFound");
}
