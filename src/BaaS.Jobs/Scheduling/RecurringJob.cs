namespace BaaS.Jobs;

/// <summary>A recurring command registered in <see cref="JobsOptions.RecurringCommand{TCommand}(string, Schedule, object, JobOptions)"/>.</summary>
internal sealed record RecurringJob(string Name, Schedule Schedule, Type CommandType, object? Arg, JobOptions? Options);
