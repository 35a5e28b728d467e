using System.Data.Common;

namespace BaaS.Data;

/// <summary>
/// The database refused a write because it breaks a constraint. The subclasses say which kind
/// (<see cref="UniqueConstraintException"/>, <see cref="ForeignKeyConstraintException"/>,
/// <see cref="NotNullConstraintException"/>, <see cref="CheckConstraintException"/>); this class itself stands for
/// any other kind. The web layer answers with <see cref="StatusCode"/> and one field error per field.
/// </summary>
public class ConstraintViolationException : DbException, IHasStatusCode, IHasErrorCode, IResponseStatusConvertible
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A message for people; never contains the offending values.</param>
    /// <param name="table">The table, when the driver names it.</param>
    /// <param name="model">The model of the table, when known to this process.</param>
    /// <param name="fieldNames">The C# property names of the columns involved (column names when no model is known).</param>
    /// <param name="constraintName">The constraint or index name, when the driver names it.</param>
    /// <param name="innerException">The driver's exception.</param>
    public ConstraintViolationException(string message, string? table, ModelDefinition? model,
        IReadOnlyList<string> fieldNames, string? constraintName, Exception? innerException)
        : base(message, innerException)
    {
        Table = table;
        Model = model;
        FieldNames = fieldNames;
        ConstraintName = constraintName;
    }

    /// <summary>The table, when the driver names it.</summary>
    public string? Table { get; }

    /// <summary>The model of the table, when known to this process.</summary>
    public ModelDefinition? Model { get; }

    /// <summary>The C# property names of the columns involved; empty when the driver does not say.</summary>
    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>The constraint or index name, when the driver names it.</summary>
    public string? ConstraintName { get; }

    /// <summary>The HTTP status for this error: 409 unless a subclass says otherwise.</summary>
    public virtual int StatusCode => 409;

    /// <summary>
    /// The machine-readable code, e.g. <c>Unique</c> (<see cref="IHasErrorCode"/>). Hides the numeric
    /// <c>ExternalException.ErrorCode</c>, which the drivers do not use for constraint errors.
    /// </summary>
    public new virtual string ErrorCode => "Constraint";

    /// <summary><c>{ errorCode, message, errors: [{ errorCode, fieldName, message }] }</c>, one error per field.</summary>
    public ResponseStatus ToResponseStatus() => new(ErrorCode, Message)
    {
        Errors = FieldNames.Select(f => new ResponseError(ErrorCode, f, Message)).ToList(),
    };
}
