namespace BaaS.NativeTypes;

/// <summary>
/// A type that cannot be written in a client language, or a name rule the app breaks. The message names the type and
/// says how to fix it; the endpoint answers it as a 500 <c>ResponseStatus</c> rather than a wrong file.
/// </summary>
public sealed class NativeTypesException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NativeTypesException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public NativeTypesException(string message, Exception innerException) : base(message, innerException) { }
}
