namespace BaaS;

/// <summary>
/// What an <see cref="IOperationSource"/> contributes for one request DTO and verb. Several registrations for the same
/// DTO (one per verb) make one <see cref="Operation"/>.
/// </summary>
/// <param name="RequestType">The request DTO type.</param>
/// <param name="Verb">GET, POST, PUT, PATCH, DELETE, or ANY for all of them.</param>
/// <param name="Invoker">Runs the operation.</param>
/// <param name="ResponseType">The response type (null for none); <c>IReturn&lt;T&gt;</c> on the DTO wins when present.</param>
/// <param name="Source">Who provides it, for error messages: e.g. <c>OrderServices.Get(GetOrder)</c>.</param>
/// <param name="ServiceType">The service class, if hand-written.</param>
/// <param name="DataModel">The data model, if generated over one.</param>
public sealed record OperationRegistration(
    Type RequestType,
    string Verb,
    OperationInvoker Invoker,
    Type? ResponseType,
    string Source,
    Type? ServiceType = null,
    Type? DataModel = null);
