namespace BaaS.Data;

/// <summary>A write broke a constraint: a CHECK constraint rejected the row. HTTP 400, error code <c>Check</c>.</summary>
public sealed class CheckConstraintException : ConstraintViolationException
{
    /// <summary>Creates the exception; see <see cref="ConstraintViolationException"/> for the parameters.</summary>
    public CheckConstraintException(string message, string? table, ModelDefinition? model,
        IReadOnlyList<string> fieldNames, string? constraintName, Exception? innerException)
        : base(message, table, model, fieldNames, constraintName, innerException)
    {
    }

    /// <inheritdoc />
    public override int StatusCode => 400;

    /// <inheritdoc />
    public override string ErrorCode => "Check";
}
