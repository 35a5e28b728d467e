namespace BaaS.Data;

/// <summary>A write broke a constraint: a foreign key points at a row that does not exist, or a row that others still reference was deleted. HTTP 409, error code <c>ForeignKey</c>.</summary>
public sealed class ForeignKeyConstraintException : ConstraintViolationException
{
    /// <summary>Creates the exception; see <see cref="ConstraintViolationException"/> for the parameters.</summary>
    public ForeignKeyConstraintException(string message, string? table, ModelDefinition? model,
        IReadOnlyList<string> fieldNames, string? constraintName, Exception? innerException)
        : base(message, table, model, fieldNames, constraintName, innerException)
    {
    }

    /// <inheritdoc />
    public override int StatusCode => 409;

    /// <inheritdoc />
    public override string ErrorCode => "ForeignKey";
}
