namespace BaaS.Jobs;

/// <summary>A command added by <see cref="JobsServiceCollectionExtensions.AddBaaSJobCommand{TCommand}"/>, beside the scanned assemblies.</summary>
internal sealed record JobCommandType(Type Type);
