namespace BaaS;

/// <summary>
/// Marks the HTTP method a request DTO is sent with. Clients read it to pick the verb; the server lists it in
/// the metadata. Use one of <see cref="IGet"/>, <see cref="IPost"/>, <see cref="IPut"/>, <see cref="IPatch"/>, <see cref="IDelete"/>.
/// </summary>
public interface IVerb;

/// <summary>The request is sent as GET (its properties go in the query string).</summary>
public interface IGet : IVerb;

/// <summary>The request is sent as POST with a JSON body.</summary>
public interface IPost : IVerb;

/// <summary>The request is sent as PUT with a JSON body.</summary>
public interface IPut : IVerb;

/// <summary>The request is sent as PATCH with a JSON body.</summary>
public interface IPatch : IVerb;

/// <summary>The request is sent as DELETE (its properties go in the query string).</summary>
public interface IDelete : IVerb;
