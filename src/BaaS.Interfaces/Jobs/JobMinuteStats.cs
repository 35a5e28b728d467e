namespace BaaS;

/// <summary>How many jobs finished in one minute, by how they ended.</summary>
public class JobMinuteStats
{
    /// <summary>The minute's start (UTC).</summary>
    public DateTime Minute { get; set; }

    /// <summary>Completed in that minute.</summary>
    public long Completed { get; set; }

    /// <summary>Failed in that minute.</summary>
    public long Failed { get; set; }

    /// <summary>Cancelled in that minute.</summary>
    public long Cancelled { get; set; }
}
