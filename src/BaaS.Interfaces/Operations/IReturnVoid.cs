namespace BaaS;

/// <summary>A request DTO with no response body: the server answers 204 No Content.</summary>
public interface IReturnVoid : IReturn;
