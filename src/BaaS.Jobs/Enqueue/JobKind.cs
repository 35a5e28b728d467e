namespace BaaS.Jobs;

/// <summary>What a job runs.</summary>
public enum JobKind
{
    /// <summary>A command class (<see cref="IAsyncCommand{TArg}"/>).</summary>
    Command,

    /// <summary>A request DTO, through the API pipeline.</summary>
    Api,
}
