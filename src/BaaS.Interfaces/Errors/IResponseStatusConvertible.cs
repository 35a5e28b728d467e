namespace BaaS;

/// <summary>
/// An exception that builds its own <see cref="ResponseStatus"/>, typically to name the fields it is about
/// (a unique-constraint violation names the column's property).
/// </summary>
public interface IResponseStatusConvertible
{
    /// <summary>The status to send to the client.</summary>
    ResponseStatus ToResponseStatus();
}
