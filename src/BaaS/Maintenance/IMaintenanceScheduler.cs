namespace BaaS;

/// <summary>
/// Something that runs the app's <see cref="IMaintenanceTask"/>s in the platform's place: BaaS.Jobs registers one that
/// runs them as recurring jobs. When one is registered, the nodes' own maintenance timer stays idle.
/// </summary>
public interface IMaintenanceScheduler
{
    /// <summary>How the tasks run, as the metadata says it (<c>jobs</c>).</summary>
    string Name { get; }
}
