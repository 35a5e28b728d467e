using System.Security.Claims;
using BaaS.Auth;

namespace BaaS.Files;

/// <summary>
/// Who may read or write the files of a location: <see cref="Public"/> (anyone), <see cref="SignedIn"/>,
/// <see cref="Owner"/> (the user who uploaded the file), <see cref="Roles"/>, or a <see cref="Custom"/> rule. The
/// <c>Admin</c> role passes every rule. In configuration a rule is text: <c>public</c>, <c>signedIn</c>, <c>owner</c>,
/// <c>roles:Owner,Editor</c>, or <c>owner,roles:Editor</c> (the owner or one of the roles).
/// </summary>
public sealed class FileAccessRule
{
    private readonly Func<FileAccessRequest, bool>? _custom;

    private FileAccessRule(bool isPublic, bool signedIn, bool owner, IReadOnlyList<string> roles, Func<FileAccessRequest, bool>? custom, string text)
    {
        IsPublic = isPublic;
        RequiresSignIn = signedIn;
        AllowsOwner = owner;
        AllowedRoles = roles;
        _custom = custom;
        Text = text;
    }

    /// <summary>Anyone, signed in or not.</summary>
    public static FileAccessRule Public { get; } = new(true, false, false, [], null, "public");

    /// <summary>Any signed-in user.</summary>
    public static FileAccessRule SignedIn { get; } = new(false, true, false, [], null, "signedIn");

    /// <summary>The user who uploaded the file (and Admin). For writing, the same as <see cref="SignedIn"/>: the writer becomes the owner.</summary>
    public static FileAccessRule Owner { get; } = new(false, false, true, [], null, "owner");

    /// <summary>Users with one of <paramref name="roles"/> (and Admin).</summary>
    public static FileAccessRule Roles(params string[] roles) => new(false, false, false, [.. roles], null, "roles:" + string.Join(",", roles));

    /// <summary>The user who uploaded the file or users with one of <paramref name="roles"/> (and Admin).</summary>
    public static FileAccessRule OwnerOrRoles(params string[] roles) => new(false, false, true, [.. roles], null, "owner,roles:" + string.Join(",", roles));

    /// <summary>A rule of the app's own, described by <paramref name="description"/> in the metadata (Admin still passes).</summary>
    public static FileAccessRule Custom(Func<FileAccessRequest, bool> allows, string description = "custom")
    {
        ArgumentNullException.ThrowIfNull(allows);
        return new(false, false, false, [], allows, description);
    }

    /// <summary>True for <see cref="Public"/>.</summary>
    public bool IsPublic { get; }

    /// <summary>True for <see cref="SignedIn"/>.</summary>
    public bool RequiresSignIn { get; }

    /// <summary>True when the file's owner passes.</summary>
    public bool AllowsOwner { get; }

    /// <summary>The roles that pass.</summary>
    public IReadOnlyList<string> AllowedRoles { get; }

    /// <summary>The rule as configuration writes it, and as the metadata shows it.</summary>
    public string Text { get; }

    /// <summary>Reads a rule from configuration text (see the type's summary).</summary>
    /// <exception cref="FormatException">The text is none of the forms.</exception>
    public static FileAccessRule Parse(string text)
    {
        var value = (text ?? "").Trim();
        if (value.Equals("public", StringComparison.OrdinalIgnoreCase)) return Public;
        if (value.Equals("signedIn", StringComparison.OrdinalIgnoreCase)) return SignedIn;
        if (value.Equals("owner", StringComparison.OrdinalIgnoreCase)) return Owner;
        var owner = false;
        if (value.StartsWith("owner,", StringComparison.OrdinalIgnoreCase))
        {
            owner = true;
            value = value[6..].Trim();
        }
        if (value.StartsWith("roles:", StringComparison.OrdinalIgnoreCase) &&
            value[6..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } roles)
            return owner ? OwnerOrRoles(roles) : Roles(roles);
        throw new FormatException($"'{text}' is not a file access rule: write public, signedIn, owner, roles:A,B or owner,roles:A,B.");
    }

    /// <summary>True when <paramref name="request"/>'s user may go ahead.</summary>
    public bool Allows(FileAccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IsPublic) return true;
        var user = request.User;
        if (user.Identity?.IsAuthenticated != true) return _custom?.Invoke(request) == true;
        if (user.HasRole(AuthRequirements.AdminRole) || RequiresSignIn) return true;
        // Writing creates a file: its writer is its owner.
        if (AllowsOwner && (request.IsWrite || (request.OwnerId is { } owner && owner == user.GetUserId()))) return true;
        if (AllowedRoles.Any(user.HasRole)) return true;
        return _custom?.Invoke(request) == true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>What a <see cref="FileAccessRule"/> decides on.</summary>
/// <param name="User">The caller (an anonymous principal when nobody is signed in).</param>
/// <param name="Location">The location's name.</param>
/// <param name="Path">The file's path inside the location (null when writing a new file).</param>
/// <param name="OwnerId">The id of the user who uploaded the file, when known.</param>
/// <param name="IsWrite">True when the caller wants to store a file.</param>
public sealed record FileAccessRequest(ClaimsPrincipal User, string Location, string? Path, string? OwnerId, bool IsWrite);
