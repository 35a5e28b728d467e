namespace BaaS;

/// <summary>
/// An exception that knows which HTTP status it should answer with. Lets libraries that know nothing of the web
/// layer (BaaS.Data's constraint and concurrency errors) say "this is a 409".
/// </summary>
public interface IHasStatusCode
{
    /// <summary>The HTTP status code, e.g. 409.</summary>
    int StatusCode { get; }
}
