using BaaS.Data;
using BaaS.DataAnnotations;

namespace BaaS.Auth.Migrations;

/// <summary>
/// The auth tables: users, roles, their links, claims, external logins, Identity tokens, refresh tokens, API keys and
/// the data-protection key ring. Number 0, so they exist before any app migration that references <c>baas_user</c>.
/// The tables are declared here as they were at this step, so later changes to the models never change what this
/// migration does.
/// </summary>
public sealed class Migration0000_CreateAuthTables : Migration
{
    [Alias("baas_user")]
    private sealed class User
    {
        [AutoId] public Guid Id { get; set; }
        [StringLength(256)] public string UserName { get; set; } = "";
        [Index(Unique = true), StringLength(256)] public string NormalizedUserName { get; set; } = "";
        [StringLength(256)] public string? Email { get; set; }
        [Index(Unique = true), StringLength(256)] public string? NormalizedEmail { get; set; }
        public bool EmailConfirmed { get; set; }
        public string? PasswordHash { get; set; }
        public string SecurityStamp { get; set; } = "";
        public string ConcurrencyStamp { get; set; } = "";
        [StringLength(256)] public string? DisplayName { get; set; }
        public string? ProfileUrl { get; set; }
        [StringLength(64)] public string? PhoneNumber { get; set; }
        public bool LockoutEnabled { get; set; }
        public DateTimeOffset? LockoutEnd { get; set; }
        public int AccessFailedCount { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTime? ModifiedAt { get; set; }
        public DateTime? LastLoginAt { get; set; }
    }

    [Alias("baas_role")]
    private sealed class Role
    {
        [AutoId] public Guid Id { get; set; }
        [StringLength(256)] public string Name { get; set; } = "";
        [Index(Unique = true), StringLength(256)] public string NormalizedName { get; set; } = "";
        public string ConcurrencyStamp { get; set; } = "";
    }

    [Alias("baas_user_role")]
    [CompositeIndex(nameof(UserId), nameof(RoleId), Unique = true)]
    private sealed class UserRole
    {
        [AutoIncrement] public long Id { get; set; }
        [ForeignKey(typeof(User), OnDelete = "CASCADE")] public Guid UserId { get; set; }
        [ForeignKey(typeof(Role), OnDelete = "CASCADE"), Index] public Guid RoleId { get; set; }
    }

    [Alias("baas_user_claim")]
    private sealed class UserClaim
    {
        [AutoIncrement] public long Id { get; set; }
        [ForeignKey(typeof(User), OnDelete = "CASCADE"), Index] public Guid UserId { get; set; }
        [StringLength(256)] public string ClaimType { get; set; } = "";
        public string ClaimValue { get; set; } = "";
    }

    [Alias("baas_user_login")]
    [CompositeIndex(nameof(LoginProvider), nameof(ProviderKey), Unique = true)]
    private sealed class UserLogin
    {
        [AutoIncrement] public long Id { get; set; }
        [StringLength(128)] public string LoginProvider { get; set; } = "";
        [StringLength(256)] public string ProviderKey { get; set; } = "";
        public string? ProviderDisplayName { get; set; }
        [ForeignKey(typeof(User), OnDelete = "CASCADE"), Index] public Guid UserId { get; set; }
    }

    [Alias("baas_user_token")]
    [CompositeIndex(nameof(UserId), nameof(LoginProvider), nameof(Name), Unique = true)]
    private sealed class UserToken
    {
        [AutoIncrement] public long Id { get; set; }
        [ForeignKey(typeof(User), OnDelete = "CASCADE")] public Guid UserId { get; set; }
        [StringLength(128)] public string LoginProvider { get; set; } = "";
        [StringLength(128)] public string Name { get; set; } = "";
        public string? Value { get; set; }
    }

    [Alias("baas_refresh_token")]
    private sealed class RefreshToken
    {
        [AutoIncrement] public long Id { get; set; }
        [ForeignKey(typeof(User), OnDelete = "CASCADE"), Index] public Guid UserId { get; set; }
        [Index] public Guid FamilyId { get; set; }
        [Index(Unique = true), StringLength(64)] public string TokenHash { get; set; } = "";
        [StringLength(128)] public string? AuthProvider { get; set; }
        public bool Persistent { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTime ExpiresAt { get; set; }
        public DateTime? UsedAt { get; set; }
        public DateTime? RevokedAt { get; set; }
    }

    [Alias("baas_api_key")]
    private sealed class ApiKey
    {
        [AutoIncrement] public long Id { get; set; }
        [ForeignKey(typeof(User), OnDelete = "CASCADE"), Index] public Guid UserId { get; set; }
        [StringLength(200)] public string Name { get; set; } = "";
        [StringLength(32)] public string KeyHint { get; set; } = "";
        [Index(Unique = true), StringLength(64)] public string KeyHash { get; set; } = "";
        public List<string> Scopes { get; set; } = [];
        public DateTime CreatedAt { get; set; }
        public DateTime? ExpiresAt { get; set; }
        public DateTime? LastUsedAt { get; set; }
        public DateTime? RevokedAt { get; set; }
    }

    [Alias("baas_data_protection_key")]
    private sealed class DataProtectionKey
    {
        [AutoIncrement] public long Id { get; set; }
        [StringLength(256)] public string? FriendlyName { get; set; }
        public string Xml { get; set; } = "";
    }

    /// <inheritdoc />
    public override async Task UpAsync(CancellationToken ct)
    {
        await Db.CreateTableAsync<User>(ct).ConfigureAwait(false);
        await Db.CreateTableAsync<Role>(ct).ConfigureAwait(false);
        await Db.CreateTableAsync<UserRole>(ct).ConfigureAwait(false);
        await Db.CreateTableAsync<UserClaim>(ct).ConfigureAwait(false);
        await Db.CreateTableAsync<UserLogin>(ct).ConfigureAwait(false);
        await Db.CreateTableAsync<UserToken>(ct).ConfigureAwait(false);
        await Db.CreateTableAsync<RefreshToken>(ct).ConfigureAwait(false);
        await Db.CreateTableAsync<ApiKey>(ct).ConfigureAwait(false);
        await Db.CreateTableAsync<DataProtectionKey>(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task DownAsync(CancellationToken ct)
    {
        await Db.DropTableAsync<DataProtectionKey>(ct).ConfigureAwait(false);
        await Db.DropTableAsync<ApiKey>(ct).ConfigureAwait(false);
        await Db.DropTableAsync<RefreshToken>(ct).ConfigureAwait(false);
        await Db.DropTableAsync<UserToken>(ct).ConfigureAwait(false);
        await Db.DropTableAsync<UserLogin>(ct).ConfigureAwait(false);
        await Db.DropTableAsync<UserClaim>(ct).ConfigureAwait(false);
        await Db.DropTableAsync<UserRole>(ct).ConfigureAwait(false);
        await Db.DropTableAsync<Role>(ct).ConfigureAwait(false);
        await Db.DropTableAsync<User>(ct).ConfigureAwait(false);
    }
}
