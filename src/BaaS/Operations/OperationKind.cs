namespace BaaS;

/// <summary>How an operation was called.</summary>
public enum OperationKind
{
    /// <summary>An HTTP request for one DTO (<c>/api/{Name}</c>, <c>/json/reply/{Name}</c> or a <c>[Route]</c>).</summary>
    Http,

    /// <summary>An auto-batched HTTP request (<c>POST /api/{Name}[]</c>) holding several DTOs.</summary>
    Batch,

    /// <summary>An in-process call through the <see cref="IServiceGateway"/>.</summary>
    Gateway,
}
