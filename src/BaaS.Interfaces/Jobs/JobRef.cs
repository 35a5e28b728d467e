namespace BaaS;

/// <summary>What enqueuing a job answers: its id and its reference.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="RefId">The reference given in <see cref="JobOptions.RefId"/>, or a generated one.</param>
public sealed record JobRef(long Id, string RefId);
