namespace BaaS.Auth.Codes;

/// <summary>What a one-time code is for: a code of one purpose never passes as another's (the purpose is in its keys and its hash).</summary>
internal enum OneTimeCodePurpose
{
    /// <summary>Signs in (<see cref="SignInWithCode"/>); the subject is the account's id, or the address's hash when it has none.</summary>
    SignIn,

    /// <summary>Confirms the signed-in user's email address (<see cref="ConfirmEmailWithCode"/>); the subject is the user's id.</summary>
    ConfirmEmail,
}
