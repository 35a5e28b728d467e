namespace BaaS.Auth.Codes;

/// <summary>The outcome of checking a one-time code.</summary>
internal enum OneTimeCodeCheck
{
    /// <summary>The right code, in time, used now for the first time: it is spent.</summary>
    Accepted,

    /// <summary>Not the code sent, or no code was sent (to an address without an account, say): one answer for both.</summary>
    Wrong,

    /// <summary>The right code, too late.</summary>
    Expired,

    /// <summary>The right code, already spent (by this request's twin, on any node).</summary>
    AlreadyUsed,

    /// <summary>Past the attempts allowed: the code is void whatever was typed.</summary>
    TooManyAttempts,
}
