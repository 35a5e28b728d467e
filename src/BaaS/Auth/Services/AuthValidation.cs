using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace BaaS.Auth.Services;

/// <summary>Checks of request fields shared by the auth services: each failure is a 400 naming the field.</summary>
internal static partial class AuthValidation
{
    public const int MaxTake = 100;
    public const int DefaultTake = 50;

    public static string Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw HttpError.Validation(field, "Required", $"'{field}' is required.");
        return value.Trim();
    }

    public static string Email(string? value, string field)
    {
        var email = Required(value, field);
        if (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
            throw HttpError.Validation(field, "InvalidEmail", $"'{field}' is not a valid email address.");
        return email;
    }

    public static Guid UserId(string? value, string field)
    {
        var text = Required(value, field);
        if (!Guid.TryParse(text, out var id)) throw HttpError.Validation(field, "InvalidValue", $"'{field}' is not a user id.");
        return id;
    }

    public static (int Skip, int Take) Paging(int? skip, int? take)
    {
        if (skip is < 0) throw HttpError.Validation("Skip", "OutOfRange", "'Skip' must be 0 or more.");
        if (take is < 1 or > MaxTake) throw HttpError.Validation("Take", "OutOfRange", $"'Take' must be between 1 and {MaxTake}.");
        return (skip ?? 0, take ?? DefaultTake);
    }

    /// <summary>The roles as the app spells them; a role the app does not have is a 400 on <paramref name="field"/>.</summary>
    public static List<string> Roles(IEnumerable<string>? roles, AuthOptions options, string field)
    {
        var known = options.Roles.Append(AuthRequirements.AdminRole).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var result = new List<string>();
        foreach (var role in roles ?? [])
        {
            var match = known.FirstOrDefault(k => string.Equals(k, role?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw HttpError.Validation(field, "UnknownRole", $"'{role}' is not a role of this app (roles: {string.Join(", ", known)}).");
            if (!result.Contains(match)) result.Add(match);
        }
        return result;
    }

    /// <summary>The permissions, checked against the app's list (or the allowed characters when it has none).</summary>
    public static List<string> Permissions(IEnumerable<string>? permissions, AuthOptions options, string field)
    {
        var result = new List<string>();
        foreach (var raw in permissions ?? [])
        {
            var permission = raw?.Trim() ?? "";
            if (options.Permissions.Count > 0)
            {
                permission = options.Permissions.FirstOrDefault(p => string.Equals(p, permission, StringComparison.OrdinalIgnoreCase))
                    ?? throw HttpError.Validation(field, "UnknownPermission",
                        $"'{raw}' is not a permission of this app (permissions: {string.Join(", ", options.Permissions)}).");
            }
            else if (!PermissionPattern().IsMatch(permission))
            {
                throw HttpError.Validation(field, "InvalidPermission",
                    $"'{raw}' is not a valid permission: use 1 to 100 letters, digits and . : _ -");
            }
            if (!result.Contains(permission)) result.Add(permission);
        }
        return result;
    }

    /// <summary>Identity's errors as a 400 (or 409 for a taken user name or email) naming the fields.</summary>
    public static HttpError ToHttpError(IdentityResult result, string passwordField = "Password")
    {
        var errors = result.Errors.Select(e => new ResponseError { ErrorCode = e.Code, FieldName = FieldOf(e.Code, passwordField), Message = e.Description }).ToList();
        var conflict = result.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail" or "ConcurrencyFailure" or "LoginAlreadyAssociated");
        var first = errors.FirstOrDefault() ?? new ResponseError { ErrorCode = "Invalid", Message = "The request is not valid." };
        var error = new HttpError(conflict ? 409 : 400, first.ErrorCode ?? "Invalid", first.Message ?? "The request is not valid.");
        error.FieldErrors.AddRange(errors);
        return error;
    }

    private static string? FieldOf(string code, string passwordField) => code switch
    {
        "DuplicateUserName" or "InvalidUserName" => "UserName",
        "DuplicateEmail" or "InvalidEmail" => "Email",
        "InvalidToken" => "Token",
        "PasswordMismatch" => "CurrentPassword",
        _ when code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
        _ => null,
    };

    [GeneratedRegex(@"^[A-Za-z0-9_.:\-]{1,100}$")]
    private static partial Regex PermissionPattern();
}
