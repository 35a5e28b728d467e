namespace BaaS.Data;

/// <summary>A write broke a constraint: a value (or combination of values) that must be unique already exists. HTTP 409, error code <c>Unique</c>.</summary>
public sealed class UniqueConstraintException : ConstraintViolationException
{
    /// <summary>Creates the exception; see <see cref="ConstraintViolationException"/> for the parameters.</summary>
    public UniqueConstraintException(string message, string? table, ModelDefinition? model,
        IReadOnlyList<string> fieldNames, string? constraintName, Exception? innerException)
        : base(message, table, model, fieldNames, constraintName, innerException)
    {
    }

    /// <inheritdoc />
    public override int StatusCode => 409;

    /// <inheritdoc />
    public override string ErrorCode => "Unique";
}
