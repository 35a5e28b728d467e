using System.Security.Claims;

namespace BaaS.Jobs;

/// <summary>The <see cref="IJobContext"/> of a DI scope: attached by the runner when the scope runs a job.</summary>
internal sealed class JobContext(TimeProvider clock) : IJobContext
{
    private RunningJob? _run;
    private ClaimsPrincipal? _user;
    private CancellationToken _token;

    public void Attach(RunningJob run, ClaimsPrincipal user, CancellationToken token)
    {
        _run = run;
        _user = user;
        _token = token;
    }

    private RunningJob Run => _run ?? throw new InvalidOperationException("This scope is not running a job: IJobContext is only available to commands.");

    public bool IsJob => _run is not null;

    public long JobId => Run.Job.Id;

    public string RefId => Run.Job.RefId;

    public string Command => Run.Job.Command;

    public int Attempt => Run.Job.Attempts;

    public string? Tag => Run.Job.Tag;

    public ClaimsPrincipal User => _run is null ? throw new InvalidOperationException("This scope is not running a job.") : _user!;

    public CancellationToken CancellationToken => _run is null ? throw new InvalidOperationException("This scope is not running a job.") : _token;

    public void Log(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Run.AppendLog(clock.GetUtcNow().UtcDateTime, message);
    }

    public void ReportProgress(double progress, string? status = null)
    {
        if (double.IsNaN(progress) || progress is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(progress), progress, "Progress is a fraction from 0 to 1.");
        Run.SetProgress(progress, status);
    }
}
