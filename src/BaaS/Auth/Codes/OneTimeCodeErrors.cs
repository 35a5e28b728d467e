namespace BaaS.Auth.Codes;

/// <summary>
/// The answers to a code that does not pass: 400 naming the field, with an error code per case. A wrong code and no code
/// at all (nothing was sent to that address, or it has no account) are one answer, <c>InvalidCode</c>, so a sign-in
/// cannot tell who has an account; <c>CodeExpired</c> and <c>CodeAlreadyUsed</c> go only to the holder of the right code.
/// </summary>
internal static class OneTimeCodeErrors
{
    /// <summary>The code typed, as six digits (spaces and dashes dropped); anything else is 400 naming <paramref name="field"/>, and costs no attempt.</summary>
    public static string Parse(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw HttpError.Validation(field, "Required", $"'{field}' is required.");
        var digits = string.Concat(value.Where(c => !char.IsWhiteSpace(c) && c != '-'));
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
            throw HttpError.Validation(field, "InvalidFormat", $"'{field}' must be the 6 digits from the email.");
        return digits;
    }

    /// <summary>Throws the answer to <paramref name="check"/> unless the code was accepted.</summary>
    public static void ThrowUnlessAccepted(OneTimeCodeCheck check, string field)
    {
        switch (check)
        {
            case OneTimeCodeCheck.Accepted:
                return;
            case OneTimeCodeCheck.Expired:
                throw HttpError.Validation(field, "CodeExpired", "The code has expired: ask for a new one.");
            case OneTimeCodeCheck.AlreadyUsed:
                throw HttpError.Validation(field, "CodeAlreadyUsed", "The code has already been used: ask for a new one.");
            case OneTimeCodeCheck.TooManyAttempts:
                throw HttpError.Validation(field, "TooManyAttempts", "Too many wrong codes: this code no longer works. Ask for a new one.");
            default:
                throw HttpError.Validation(field, "InvalidCode", "The code is not right, or no code was sent: check it, or ask for a new one.");
        }
    }
}
