using System.Data.Common;

namespace BaaS.Data;

/// <summary>
/// An update or delete of a <c>[RowVersion]</c> model found no row with the expected version: someone else changed
/// (or deleted) the row since it was read. HTTP 409, error code <c>Conflict</c>; reload the row and retry.
/// It derives from <see cref="DbException"/> because <see cref="System.Data.DBConcurrencyException"/> is sealed.
/// </summary>
public sealed class OptimisticConcurrencyException : DbException, IHasStatusCode, IHasErrorCode, IResponseStatusConvertible
{
    /// <summary>Creates the exception.</summary>
    /// <param name="model">The model that was written.</param>
    /// <param name="id">The primary key of the row.</param>
    /// <param name="expectedVersion">The row version the caller held.</param>
    public OptimisticConcurrencyException(ModelDefinition model, object? id, long expectedVersion)
        : base($"{model.Name} with {model.PrimaryKey?.Name ?? "key"} {id} was changed or deleted by someone else " +
               $"(expected row version {expectedVersion}). Reload it and try again.")
    {
        Model = model;
        Id = id;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The model that was written.</summary>
    public ModelDefinition Model { get; }

    /// <summary>The primary key of the row.</summary>
    public object? Id { get; }

    /// <summary>The row version the caller held.</summary>
    public long ExpectedVersion { get; }

    /// <summary>409.</summary>
    public int StatusCode => 409;

    /// <summary><c>Conflict</c> (hides the numeric <c>ExternalException.ErrorCode</c>).</summary>
    public new string ErrorCode => "Conflict";

    /// <summary>The status for the client: error code <c>Conflict</c> and the message.</summary>
    public ResponseStatus ToResponseStatus() => new(ErrorCode, Message);
}
