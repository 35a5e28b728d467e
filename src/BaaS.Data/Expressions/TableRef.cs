namespace BaaS.Data;

/// <summary>A table taking part in a query: its model and the quoted name that qualifies its columns.</summary>
internal sealed record TableRef(ModelDefinition Model, string Qualifier);
