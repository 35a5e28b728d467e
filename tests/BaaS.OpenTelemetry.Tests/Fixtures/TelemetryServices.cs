using BaaS.Data;
using BaaS.DataAnnotations;
using BaaS.Jobs;
using Microsoft.Extensions.Logging;

namespace BaaS.OpenTelemetry.Tests;

public class Greet : IReturn<GreetResponse>, IPost
{
    public string Name { get; set; } = "";
}

public class GreetResponse
{
    public string Message { get; set; } = "";
}

/// <summary>Fails unexpectedly: a 500.</summary>
public class Explode : IReturn<GreetResponse>, IPost
{
}

/// <summary>Refused by validation: a 400 with a field error.</summary>
public class Register : IReturn<GreetResponse>, IPost
{
    [ValidateNotEmpty] public string Email { get; set; } = "";
    public string Password { get; set; } = "";
}

/// <summary>Calls <see cref="Greet"/> through the in-process gateway.</summary>
public class GreetTwice : IReturn<GreetResponse>, IPost
{
    public string Name { get; set; } = "";
}

[Alias("otel_note")]
public class Note
{
    [AutoIncrement] public long Id { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>Stores a note and reads it back by its text, on the request's connection.</summary>
public class SaveNote : IReturn<IdResponse>, IPost
{
    public string Text { get; set; } = "";
}

/// <summary>Queues <see cref="NoteCommand"/> with the text.</summary>
public class QueueNote : IReturn<IdResponse>, IPost
{
    public string Text { get; set; } = "";
}

/// <summary>Reads a cache key (a miss the first time), sets it, reads it again (a hit).</summary>
public class CacheTwice : IReturn<GreetResponse>, IPost
{
    public string Key { get; set; } = "";
}

public class TelemetryServices(ILogger<TelemetryServices> log) : Service
{
    public GreetResponse Post(Greet request)
    {
        log.LogInformation("Greeting someone");
        return new GreetResponse { Message = "Hello, " + request.Name };
    }

    public GreetResponse Post(Explode request) => throw new InvalidOperationException("boom");

    public GreetResponse Post(Register request) => new() { Message = "registered" };

    public async Task<GreetResponse> Post(GreetTwice request)
    {
        var first = await Gateway.SendAsync(new Greet { Name = request.Name });
        return new GreetResponse { Message = first.Message + "!" };
    }

    public async Task<IdResponse> Post(SaveNote request)
    {
        var id = await Db.InsertAsync(new Note { Text = request.Text });
        var found = await Db.SelectAsync<Note>(n => n.Text == request.Text);
        return new IdResponse { Id = found.Single(n => n.Id == id).Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    public async Task<IdResponse> Post(QueueNote request)
    {
        var job = await Resolve<IBackgroundJobs>().EnqueueCommandAsync<NoteCommand>(new NoteArg { Text = request.Text });
        return new IdResponse { Id = job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    public async Task<GreetResponse> Post(CacheTwice request)
    {
        var cache = Resolve<ICache>();
        var before = await cache.GetAsync<string>(request.Key);
        await cache.SetAsync(request.Key, "value");
        var after = await cache.GetAsync<string>(request.Key);
        return new GreetResponse { Message = $"{before.HasValue} {after.HasValue}" };
    }
}

public sealed class NoteArg
{
    public string Text { get; set; } = "";
}

/// <summary>A job that stores its text as a note, so its run has SQL of its own.</summary>
public sealed class NoteCommand(IDbConnectionFactory db) : IAsyncCommand<NoteArg>
{
    public async Task ExecuteAsync(NoteArg arg, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.InsertAsync(new Note { Text = arg.Text }, cancellationToken);
    }
}
