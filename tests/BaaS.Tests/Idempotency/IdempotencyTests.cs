using System.Net;
using System.Text.Json;
using BaaS.Client;
using BaaS.Text;

namespace BaaS.Tests.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on writes: a retry replays the first answer and writes nothing, a concurrent duplicate answers
/// 409, a reused key with another body 422; keys are per caller, expire, and a failed call releases its key.
/// </summary>
public abstract class IdempotencyTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : IdempotencyFixture
{
    private const string Alice = "101:alice|Customer";
    private const string Bob = "102:bob|Customer";

    private static string NewKey() => Guid.NewGuid().ToString("N");

    private async Task<HttpResponseMessage> PostAsync(string? user, string? key, object body)
    {
        var http = fixture.Server.CreateHttp(user);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/CreateIdemNote")
        {
            Content = HttpAssert.Json(JsonSerializer.Serialize(body, JsonProtocol.Options)),
        };
        if (key is not null) message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await http.SendAsync(message);
    }

    private static async Task<IdemNoteResponse> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<IdemNoteResponse>(await response.Content.ReadAsStringAsync(), JsonProtocol.Options)!;
    }

    private Task<long> NotesAsync(string text) => fixture.CountAsync("SELECT COUNT(*) FROM idem_note WHERE text = @text", new { text });

    private static bool Replayed(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Single() == "true";

    [Fact]
    public async Task Retry_with_the_same_key_replays_the_first_answer_and_writes_nothing()
    {
        var (key, text) = (NewKey(), NewKey());
        using var first = await PostAsync(Alice, key, new CreateIdemNote { Text = text });
        var created = await ReadAsync(first);
        Assert.False(Replayed(first));

        using var retry = await PostAsync(Alice, key, new CreateIdemNote { Text = text });
        var replayed = await ReadAsync(retry);
        Assert.True(Replayed(retry));
        Assert.Equal(created.Id, replayed.Id);
        Assert.Equal(1, await NotesAsync(text));

        // Without a key, the same request is a new write.
        using var unkeyed = await PostAsync(Alice, null, new CreateIdemNote { Text = text });
        Assert.NotEqual(created.Id, (await ReadAsync(unkeyed)).Id);
        Assert.Equal(2, await NotesAsync(text));
    }

    [Fact]
    public async Task Typed_client_sends_the_key_and_its_retry_gets_the_first_answer()
    {
        var text = NewKey();
        using var client = fixture.Server.CreateClient(Alice);
        #region snippet:client-idempotency
        var key = Guid.NewGuid().ToString(); // one per write the user meant, the same for each retry of it
        var first = await client.SendAsync(new CreateIdemNote { Text = text }, key);
        var again = await client.SendAsync(new CreateIdemNote { Text = text }, key); // after a timeout, say: the first answer
        #endregion
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, await NotesAsync(text));
    }

    [Fact]
    public async Task Same_key_with_a_different_request_answers_422_naming_the_header()
    {
        var key = NewKey();
        using var first = await PostAsync(Alice, key, new CreateIdemNote { Text = NewKey() });
        await ReadAsync(first);
        var other = NewKey();
        using var reused = await PostAsync(Alice, key, new CreateIdemNote { Text = other });
        var status = await HttpAssert.ErrorAsync(reused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("IdempotencyKeyReused", status.GetProperty("errorCode").GetString());
        HttpAssert.FieldError(status, "Idempotency-Key");
        Assert.Equal(0, await NotesAsync(other));
    }

    [Fact]
    public async Task Duplicate_while_the_first_is_still_running_answers_409_then_replays_once_it_completed()
    {
        var (key, text, gate) = (NewKey(), NewKey(), NewKey());
        var running = PostAsync(Alice, key, new CreateIdemNote { Text = text, Gate = gate });
        await WaitUntilAsync(async () => await fixture.CountAsync(
            "SELECT COUNT(*) FROM baas_idempotency WHERE idempotency_key = @key AND state = 'InProgress'", new { key }) == 1);

        using var duplicate = await PostAsync(Alice, key, new CreateIdemNote { Text = text, Gate = gate });
        var status = await HttpAssert.ErrorAsync(duplicate, HttpStatusCode.Conflict);
        Assert.Equal("IdempotencyKeyInProgress", status.GetProperty("errorCode").GetString());

        IdemServices.Gate(gate).SetResult();
        using var first = await running;
        var created = await ReadAsync(first);
        using var retry = await PostAsync(Alice, key, new CreateIdemNote { Text = text, Gate = gate });
        Assert.Equal(created.Id, (await ReadAsync(retry)).Id);
        Assert.Equal(1, await NotesAsync(text));
    }

    [Fact]
    public async Task Keys_are_per_caller_so_two_users_with_one_key_each_write()
    {
        var (key, text) = (NewKey(), NewKey());
        using var alice = await PostAsync(Alice, key, new CreateIdemNote { Text = text });
        using var bob = await PostAsync(Bob, key, new CreateIdemNote { Text = text });
        using var anonymous = await PostAsync(null, key, new CreateIdemNote { Text = text });
        var ids = new[] { (await ReadAsync(alice)).Id, (await ReadAsync(bob)).Id, (await ReadAsync(anonymous)).Id };
        Assert.Equal(3, ids.Distinct().Count());
        Assert.False(Replayed(bob) || Replayed(anonymous));
        Assert.Equal(3, await NotesAsync(text));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(500)]
    public async Task A_failed_call_rolls_back_its_write_and_releases_the_key_so_the_retry_runs(int status)
    {
        var (key, text) = (NewKey(), NewKey());
        using var failed = await PostAsync(Alice, key, new CreateIdemNote { Text = text, FailFirstWith = status });
        Assert.Equal(status, (int)failed.StatusCode);
        Assert.Equal(0, await NotesAsync(text)); // written in the key's transaction, rolled back with it

        using var retry = await PostAsync(Alice, key, new CreateIdemNote { Text = text, FailFirstWith = status });
        await ReadAsync(retry);
        Assert.False(Replayed(retry));
        Assert.Equal(1, await NotesAsync(text));
    }

    [Fact]
    public async Task A_key_expires_is_cleaned_up_and_can_then_be_used_for_a_new_request()
    {
        var key = NewKey();
        using var first = await PostAsync(Alice, key, new CreateIdemNote { Text = NewKey() });
        await ReadAsync(first);

        fixture.Clock.Advance(TimeSpan.FromHours(25));
        using var other = await PostAsync(Alice, NewKey(), new CreateIdemNote { Text = NewKey() }); // a keyed call runs the cleanup
        await ReadAsync(other);
        Assert.Equal(0, await fixture.CountAsync("SELECT COUNT(*) FROM baas_idempotency WHERE idempotency_key = @key", new { key }));

        var text = NewKey();
        using var reused = await PostAsync(Alice, key, new CreateIdemNote { Text = text });
        await ReadAsync(reused);
        Assert.Equal(1, await NotesAsync(text));
    }

    [Fact]
    public async Task A_claim_left_in_progress_by_a_dead_process_answers_409_until_the_timeout_then_the_retry_runs()
    {
        var (key, text) = (NewKey(), NewKey());
        using var first = await PostAsync(Alice, key, new CreateIdemNote { Text = text });
        await ReadAsync(first);
        // What a process killed mid-request leaves: its claim in progress and, since the completion commits with the
        // write, none of its write.
        await fixture.ExecuteAsync("""
            UPDATE baas_idempotency SET state = 'InProgress', token = 'dead', status_code = NULL, response_body = NULL, claimed_at = @at
            WHERE idempotency_key = @key
            """, new { key, at = fixture.Clock.GetUtcNow().UtcDateTime });
        await fixture.ExecuteAsync("DELETE FROM idem_note WHERE text = @text", new { text });

        using var tooSoon = await PostAsync(Alice, key, new CreateIdemNote { Text = text });
        await HttpAssert.ErrorAsync(tooSoon, HttpStatusCode.Conflict);
        Assert.Equal(0, await NotesAsync(text));

        fixture.Clock.Advance(TimeSpan.FromMinutes(2)); // past InProgressTimeout (1 minute here)
        using var retry = await PostAsync(Alice, key, new CreateIdemNote { Text = text });
        var created = await ReadAsync(retry);
        Assert.False(Replayed(retry));
        Assert.Equal(1, await NotesAsync(text));
        using var again = await PostAsync(Alice, key, new CreateIdemNote { Text = text });
        Assert.Equal(created.Id, (await ReadAsync(again)).Id);
    }

    [Fact]
    public async Task A_key_that_is_too_long_or_not_printable_answers_400_naming_the_header()
    {
        using var tooLong = await PostAsync(Alice, new string('k', 256), new CreateIdemNote { Text = NewKey() });
        HttpAssert.FieldError(await HttpAssert.ErrorAsync(tooLong, HttpStatusCode.BadRequest), "Idempotency-Key");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting for the first call to claim its key.");
            await Task.Delay(20);
        }
    }
}

public sealed class SqliteIdempotencyTests(SqliteIdempotencyFixture fixture) : IdempotencyTests<SqliteIdempotencyFixture>(fixture);

public sealed class PostgreSqlIdempotencyTests(PostgreSqlIdempotencyFixture fixture) : IdempotencyTests<PostgreSqlIdempotencyFixture>(fixture);
