using System.Security.Claims;
using BaaS.Auth.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BaaS.Redis.Tests.DenyList;

/// <summary>The rules of one user's deny-list entry, and how a token's issue time is read, without a server.</summary>
public sealed class DeniedTokensTests
{
    private const long Minute = 60_000;
    private static readonly long T0 = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly string UserId = Guid.NewGuid().ToString();

    private static AccessTokenSubject Token(string? session, long issuedAt) => new(UserId, session, issuedAt);

    [Fact]
    public void An_ended_session_refuses_its_tokens_whenever_they_were_issued_and_no_other_sessions()
    {
        var denied = DeniedTokens.WithSessions(null, ["a", "b"], T0, T0 + 15 * Minute);

        Assert.True(denied.Refuses(Token("a", T0 - Minute)));
        Assert.True(denied.Refuses(Token("b", T0 + Minute)));
        Assert.False(denied.Refuses(Token("c", T0 - Minute)));
        Assert.False(denied.Refuses(Token(null, T0 - Minute)));
    }

    [Fact]
    public void A_cut_off_refuses_tokens_issued_before_it_to_the_millisecond_except_the_spared_session()
    {
        var denied = DeniedTokens.WithCutoff(null, T0, exceptSession: "kept", T0, T0 + 15 * Minute);

        Assert.True(denied.Refuses(Token("other", T0 - 1)));
        Assert.False(denied.Refuses(Token("other", T0)));
        Assert.False(denied.Refuses(Token("other", T0 + 1)));
        Assert.False(denied.Refuses(Token("kept", T0 - Minute)));
        Assert.True(denied.Refuses(Token(null, T0 - Minute)));
    }

    [Fact]
    public void A_cut_off_for_everyone_replaces_the_earlier_ones_it_covers_and_one_it_is_covered_by_changes_nothing()
    {
        var spared = DeniedTokens.WithCutoff(null, T0, "kept", T0, T0 + 15 * Minute);
        var everyone = DeniedTokens.WithCutoff(spared, T0 + Minute, null, T0 + Minute, T0 + 16 * Minute);

        var only = Assert.Single(everyone.Cutoffs);
        Assert.Equal((T0 + Minute, null), (only.Before, only.ExceptSession));
        Assert.True(everyone.Refuses(Token("kept", T0 - Minute)));

        // An older cut-off arriving late (a slower node) adds nothing: the newer one refuses all it would.
        var late = DeniedTokens.WithCutoff(everyone, T0, null, T0 + Minute, T0 + 15 * Minute);
        Assert.Equal((T0 + Minute, null), (Assert.Single(late.Cutoffs).Before, Assert.Single(late.Cutoffs).ExceptSession));
    }

    [Fact]
    public void A_cut_off_sparing_another_session_keeps_the_earlier_one_whose_session_it_would_let_through()
    {
        var first = DeniedTokens.WithCutoff(null, T0, null, T0, T0 + 15 * Minute);
        var second = DeniedTokens.WithCutoff(first, T0 + Minute, "desk", T0 + Minute, T0 + 16 * Minute);

        Assert.Equal(2, second.Cutoffs.Count);
        // desk's token from before the first cut-off stays refused; its token from between the two is spared.
        Assert.True(second.Refuses(Token("desk", T0 - 1)));
        Assert.False(second.Refuses(Token("desk", T0 + 1)));
        Assert.True(second.Refuses(Token("laptop", T0 + 1)));
    }

    [Fact]
    public void Entries_whose_tokens_are_all_dead_are_dropped_at_the_next_write()
    {
        var denied = DeniedTokens.WithSessions(null, ["old"], T0, T0 + 15 * Minute);
        denied = DeniedTokens.WithCutoff(denied, T0, null, T0, T0 + 15 * Minute);

        var later = DeniedTokens.WithSessions(denied, ["new"], T0 + 16 * Minute, T0 + 31 * Minute);

        Assert.Equal(["new"], later.Sessions.Keys);
        Assert.Empty(later.Cutoffs);
    }

    [Fact]
    public void A_tokens_issue_time_is_read_to_the_millisecond_from_its_version_7_jti_else_from_the_start_of_its_iat_second()
    {
        var issued = new DateTimeOffset(2026, 12, 1, 8, 0, 7, 654, TimeSpan.Zero);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        string Create(string jti) => handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", UserId), new Claim("jti", jti)]),
            IssuedAt = issued.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256),
        });

        var v7 = new JsonWebToken(Create(Guid.CreateVersion7(issued).ToString("N")));
        var random = new JsonWebToken(Create(Guid.NewGuid().ToString("N")));

        Assert.Equal(issued.ToUnixTimeMilliseconds(), AccessTokenSubject.IssuedAtOf(v7));
        Assert.Equal(issued.ToUnixTimeMilliseconds() - 654, AccessTokenSubject.IssuedAtOf(random));
        Assert.Equal(UserId, AccessTokenSubject.From(v7)!.UserId);
    }
}
