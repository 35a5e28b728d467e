using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Codes;

/// <summary>
/// Six-digit codes sent by email, kept in the platform's cache (<see cref="ICache"/>: in memory, or on Redis for every
/// node), hashed (<see cref="OneTimeCodeHasher"/>), under keys of purpose and subject (the user's id):
/// <list type="bullet">
/// <item><c>otp:{purpose}:{subject}</c>: the current code's <see cref="OneTimeCodeRecord"/>; a new code replaces it.</item>
/// <item><c>otp:{purpose}:{subject}:attempts</c>: checks since the code was sent (an atomic counter, removed by a new code).</item>
/// <item><c>otp:{purpose}:{subject}:used:{id}</c>: the code's single-use mark, set-if-absent, so of concurrent checks of the
/// right code on any nodes exactly one wins.</item>
/// <item><c>otp:{purpose}:{subject}:resend</c>: set-if-absent for <see cref="SignInCodeOptions.ResendInterval"/>: one code per interval.</item>
/// </list>
/// Every check starts with the counter, and every new code is stored with set-if-absent: both throw
/// <see cref="CacheUnavailableException"/> when the cache cannot be reached, so codes fail closed (503): none passes
/// unchecked, none is mailed that was not stored. An address without an account gets a decoy record that no code
/// matches, under the keyed hash of the address, so it meets the same writes, counters and failures as a real one.
/// </summary>
internal sealed class OneTimeCodes(ICache cache, OneTimeCodeHasher hasher, IOptions<AuthOptions> options, IEmailSender sender, TimeProvider clock,
    ILogger<OneTimeCodes> logger)
{
    // The single-use mark outlives the code's validity by this much, for nodes whose clocks differ a little.
    private static readonly TimeSpan UsedMarkMargin = TimeSpan.FromMinutes(1);

    private SignInCodeOptions Rules => options.Value.SignInCodes;

    /// <summary>
    /// Whether sign-in by code is on: <see cref="SignInCodeOptions.Enabled"/>, or when unset, whether emails reach
    /// anyone (a sender is registered, or Development writes them to the log).
    /// </summary>
    public bool SignInEnabled => Rules.Enabled ?? sender is not Email.LogEmailSender { WritesMessages: false };

    /// <summary>
    /// Starts a new code for <paramref name="subject"/>: takes the resend slot, resets the attempts, stores the new code's
    /// hash in place of the one before, and returns the code. Without a <paramref name="recipient"/> (an address with no
    /// account) it stores a decoy that no code matches and returns null: the same writes, so the same answers, also when
    /// the cache fails.
    /// </summary>
    /// <exception cref="CodeSentRecentlyException">A code went to this subject less than <see cref="SignInCodeOptions.ResendInterval"/> ago.</exception>
    /// <exception cref="CacheUnavailableException">The cache cannot be reached: no code is stored, so none may be sent.</exception>
    public async Task<string?> NewAsync(OneTimeCodePurpose purpose, string subject, string? recipient, CancellationToken ct)
    {
        var rules = Rules;
        var keys = new Keys(purpose, subject);
        if (rules.ResendInterval > TimeSpan.Zero && !await cache.AddAsync(keys.Resend, 1, rules.ResendInterval, ct).ConfigureAwait(false))
            throw await TooSoonAsync(keys, rules).ConfigureAwait(false);
        await cache.RemoveAsync(keys.Attempts, ct).ConfigureAwait(false);

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var record = new OneTimeCodeRecord
        {
            Id = id,
            Hash = recipient is null ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) : hasher.Hash(purpose, subject, recipient, id, code),
            ExpiresAt = clock.GetUtcNow() + rules.Lifetime,
        };
        // Replaces the code before it: removed, then added. Set-if-absent throws when the cache is away, where a plain set
        // would be dropped and the email would carry a code that does not exist. Kept twice as long as it works, so that
        // the right code typed late is told apart from a wrong one.
        for (var tries = 0; ; tries++)
        {
            await cache.RemoveAsync(keys.Code, ct).ConfigureAwait(false);
            if (await cache.AddAsync(keys.Code, record, rules.Lifetime * 2, ct).ConfigureAwait(false)) break;
            // Another request's code got in between (no resend interval): this one replaces it, or gives up after a few rounds.
            if (tries == 3) throw new CodeSentRecentlyException(TimeSpan.FromSeconds(1), rules.ResendInterval);
        }
        if (recipient is null) return null;
        OneTimeCodeLog.CodeIssued(logger, purpose, subject);
        return code;
    }

    private async Task<CodeSentRecentlyException> TooSoonAsync(Keys keys, SignInCodeOptions rules)
    {
        var left = await cache.TimeToLiveAsync(keys.Resend).ConfigureAwait(false);
        return new CodeSentRecentlyException(left is { } l && l > TimeSpan.Zero ? l : TimeSpan.FromSeconds(1), rules.ResendInterval);
    }

    /// <summary>Takes back a code whose email could not be sent: it is removed and the resend slot freed, so asking again works at once.</summary>
    public async Task WithdrawAsync(OneTimeCodePurpose purpose, string subject, CancellationToken ct)
    {
        var keys = new Keys(purpose, subject);
        await cache.RemoveAsync(keys.Code, ct).ConfigureAwait(false);
        await cache.RemoveAsync(keys.Resend, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks <paramref name="code"/> (six digits) for <paramref name="subject"/>, counting the attempt, and spends it when
    /// it is right. <paramref name="recipient"/> is the address the code must have been sent to (null: none, the code is wrong).
    /// </summary>
    /// <exception cref="CacheUnavailableException">The cache cannot be reached: nothing is accepted.</exception>
    public async Task<OneTimeCodeCheck> CheckAsync(OneTimeCodePurpose purpose, string subject, string? recipient, string code, CancellationToken ct)
    {
        var rules = Rules;
        var keys = new Keys(purpose, subject);
        // Counted first, atomically: parallel guesses cannot get more than MaxAttempts comparisons between them.
        var attempts = await cache.IncrementAsync(keys.Attempts, 1, rules.Lifetime, ct).ConfigureAwait(false);
        if (attempts > rules.MaxAttempts)
        {
            if (attempts == rules.MaxAttempts + 1)
            {
                await cache.RemoveAsync(keys.Code, ct).ConfigureAwait(false);
                OneTimeCodeLog.CodeVoided(logger, purpose, subject, rules.MaxAttempts);
            }
            return OneTimeCodeCheck.TooManyAttempts;
        }

        var stored = await cache.GetAsync<OneTimeCodeRecord>(keys.Code, ct).ConfigureAwait(false);
        if (recipient is null || !stored.HasValue || stored.Value is not { } record ||
            !hasher.Matches(record.Hash, purpose, subject, recipient, record.Id, code))
            return OneTimeCodeCheck.Wrong;
        // Only the holder of the right code learns that it expired or was used: that tells a guesser nothing.
        var now = clock.GetUtcNow();
        if (record.ExpiresAt <= now) return OneTimeCodeCheck.Expired;
        if (!await cache.AddAsync(keys.Used(record.Id), 1, record.ExpiresAt - now + UsedMarkMargin, ct).ConfigureAwait(false))
            return OneTimeCodeCheck.AlreadyUsed;
        return OneTimeCodeCheck.Accepted;
    }

    /// <summary>The cache keys of one purpose and subject.</summary>
    private readonly record struct Keys(OneTimeCodePurpose Purpose, string Subject)
    {
        private string Base => "otp:" + (Purpose == OneTimeCodePurpose.SignIn ? "sign-in" : "confirm-email") + ":" + Subject;

        public string Code => Base;

        public string Attempts => Base + ":attempts";

        public string Resend => Base + ":resend";

        public string Used(string id) => Base + ":used:" + id;
    }
}
