namespace BaaS;

/// <summary>
/// Provides operations at startup. Hand-written services (classes deriving from <see cref="Service"/>) are one source; features such as
/// AutoQuery register their own source in DI and generate invokers for DTOs that have no service.
/// </summary>
public interface IOperationSource
{
    /// <summary>
    /// The operations this source serves. <paramref name="handled"/> says, for each request DTO type, which verbs
    /// earlier sources already serve, so a generated implementation can step aside for a hand-written one.
    /// </summary>
    IEnumerable<OperationRegistration> GetOperations(IServiceProvider services, IReadOnlyDictionary<Type, IReadOnlySet<string>> handled);

    /// <summary>Sources run in ascending order; hand-written services are 0.</summary>
    int Order => 0;
}
