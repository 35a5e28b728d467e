using System.Data;

namespace BaaS.Tests.Fixtures;

public class EchoServices : Service
{
    public EchoTypes Any(EchoTypes request) => request;

    public VerbResponse Any(AnyVerb request) => new() { Verb = Request.Method, Value = request.Value };

    public VerbResponse Get(OnlyGet request) => new() { Verb = Request.Method };

    public VerbResponse Post(RequiresValue request) => new() { Verb = Request.Method, Value = request.Value?.ToString() };

    public VerbResponse Any(HiddenOperation request) => new() { Verb = Request.Method };

    public string Get(PlainText request) => request.Text;

    public Dictionary<string, string> Get(EchoHeaders request) =>
        Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    public FlagsEcho Post(FlagsEcho request) => request;

    public LimitedLists Post(LimitedLists request) => request;

    public EmptyResponse Any(Throw request) => request.Kind switch
    {
        "Argument" => throw new ArgumentException(request.Message ?? "Quantity must be positive", "Quantity"),
        "Unauthorized" => throw new UnauthorizedAccessException(request.Message ?? "Only owners may do this"),
        "KeyNotFound" => throw new KeyNotFoundException(request.Message ?? "No such thing"),
        "Concurrency" => throw new DBConcurrencyException(request.Message ?? "The row changed since you read it"),
        "HttpError" => throw new HttpError(418, "Teapot", request.Message ?? "I am a teapot"),
        "Validation" => throw HttpError.Validation("Name", "NotEmpty", "'Name' must not be empty."),
        "NotImplemented" => throw new NotImplementedException("Not built yet"),
        _ => throw new InvalidOperationException(request.Message ?? "Something broke inside"),
    };
}
