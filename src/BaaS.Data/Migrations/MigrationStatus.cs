namespace BaaS.Data;

/// <summary>Where one migration stands.</summary>
/// <param name="Number">Its number (from the class name).</param>
/// <param name="Name">Its class name, as recorded.</param>
/// <param name="IsApplied">Whether it has been applied.</param>
/// <param name="AppliedAt">When it was applied (UTC), or null.</param>
/// <param name="DurationMs">How long it took, or null.</param>
/// <param name="IsKnown">False for a recorded migration whose class no longer exists in the given assemblies.</param>
public sealed record MigrationStatus(long Number, string Name, bool IsApplied, DateTime? AppliedAt, long? DurationMs, bool IsKnown = true);
