namespace BaaS;

/// <summary>A recurring job: its schedule, whether it is paused, and its runs.</summary>
public sealed class JobScheduleInfo
{
    /// <summary>The schedule's unique name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The command it queues.</summary>
    public string Command { get; set; } = "";

    /// <summary>The schedule as text (cron, macro or <c>@every</c>).</summary>
    public string Schedule { get; set; } = "";

    /// <summary>The command's argument as JSON.</summary>
    public string? Arg { get; set; }

    /// <summary>Paused schedules queue nothing until resumed.</summary>
    public bool Paused { get; set; }

    /// <summary>When it runs next (UTC); null while paused.</summary>
    public DateTime? NextRunAt { get; set; }

    /// <summary>When it last queued a job (UTC).</summary>
    public DateTime? LastRunAt { get; set; }

    /// <summary>The job it last queued.</summary>
    public long? LastJobId { get; set; }

    /// <summary>When it was first registered (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it was last registered or changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
