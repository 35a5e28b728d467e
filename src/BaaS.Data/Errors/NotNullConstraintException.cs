namespace BaaS.Data;

/// <summary>A write broke a constraint: a column that must have a value was given NULL. HTTP 400, error code <c>NotNull</c>.</summary>
public sealed class NotNullConstraintException : ConstraintViolationException
{
    /// <summary>Creates the exception; see <see cref="ConstraintViolationException"/> for the parameters.</summary>
    public NotNullConstraintException(string message, string? table, ModelDefinition? model,
        IReadOnlyList<string> fieldNames, string? constraintName, Exception? innerException)
        : base(message, table, model, fieldNames, constraintName, innerException)
    {
    }

    /// <inheritdoc />
    public override int StatusCode => 400;

    /// <inheritdoc />
    public override string ErrorCode => "NotNull";
}
