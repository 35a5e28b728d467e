namespace BaaS;

/// <summary>Marks a request DTO. Prefer <see cref="IReturn{T}"/> or <see cref="IReturnVoid"/>, which also name the response.</summary>
public interface IReturn;

/// <summary>A request DTO whose response is a <typeparamref name="T"/>: <c>class GetOrder : IReturn&lt;Order&gt;</c>.</summary>
/// <typeparam name="T">The response type.</typeparam>
public interface IReturn<T> : IReturn;
