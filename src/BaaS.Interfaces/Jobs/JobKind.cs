namespace BaaS;

/// <summary>What a job runs.</summary>
public enum JobKind
{
    /// <summary>A command class (<c>IAsyncCommand&lt;TArg&gt;</c>).</summary>
    Command,

    /// <summary>A request DTO, through the API pipeline.</summary>
    Api,
}
