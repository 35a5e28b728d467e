using System.Buffers;
using System.Linq.Expressions;
using System.Text.Json;
using BaaS.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace BaaS.Binding;

/// <summary>
/// Fills a request DTO from the request, compiled once per DTO type at startup. Sources apply in this order, later
/// ones overriding earlier ones: JSON body or form, then query string, then route variables. Property names match
/// case-insensitively; unknown names are ignored (query keys are kept in <see cref="RequestInfo.UnmatchedQuery"/>).
/// Every conversion problem becomes a 400 naming the field; none reaches the service.
/// </summary>
internal sealed partial class RequestBinder
{
    private readonly Func<object> _create;
    private readonly DtoProperty[] _properties;
    private readonly Dictionary<string, DtoProperty> _byName;
    private readonly Dictionary<string, DtoProperty>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly long _maxBodySize;
    private readonly DtoProperty[] _fileProperties;
    private readonly long _maxMultipartBodySize;

    public RequestBinder(Type dtoType, JsonSerializerOptions json, long maxBodySize, int maxItems = 1000, IUploadReceiver? uploads = null)
    {
        DtoType = dtoType;
        var constructor = dtoType.GetConstructor(Type.EmptyTypes)
            ?? throw new InvalidOperationException($"Request DTO {dtoType.FullName} needs a public parameterless constructor so requests can be bound to it.");
        _create = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(constructor), typeof(object))).Compile();
        _properties = [.. TypeModel.Of(dtoType).Properties.Where(p => p.CanWrite).Select((p, i) => new DtoProperty(i, p, json, maxItems))];
        _fileProperties = [.. _properties.Where(p => p.IsFile)];
        foreach (var property in _fileProperties)
        {
            if (uploads is null)
                throw new InvalidOperationException(
                    $"{dtoType.Name}.{property.Name} is a file, but the app does not take uploads: call services.AddFiles(...) (see docs/files.md).");
            property.Upload = uploads.TargetFor(dtoType, TypeModel.Of(dtoType).Find(property.Name)!);
        }
        // Files may make a body larger than MaxRequestBodySize: each file is held to its own limit while it streams.
        _maxMultipartBodySize = maxBodySize + _fileProperties.Sum(p => p.Upload!.MaxBytes * (p.IsFileList ? p.MaxItems ?? 1 : 1));
        _byName = _properties.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        _bySpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        PropertyNames = [.. _properties.Select(p => p.Name)];
        _maxBodySize = maxBodySize;
    }

    public Type DtoType { get; }

    public IReadOnlyList<string> PropertyNames { get; }

    /// <summary>
    /// Which properties of a DTO built in code (an in-process call) count as sent: those with a value other than null
    /// or a value type's default.
    /// </summary>
    public bool[] SentOf(object dto) => [.. _properties.Select(p => p.HasValue(dto))];

    /// <summary>The DTO property a route variable fills, or null.</summary>
    public DtoProperty? FindProperty(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Binds the request. Throws <see cref="HttpError"/> (400/413/415) for anything the caller got wrong.</summary>
    /// <param name="context">The request.</param>
    /// <param name="routeBindings">Route value keys of the matched endpoint and the property each fills.</param>
    public async ValueTask<BoundRequest> BindAsync(HttpContext context, IReadOnlyList<RouteBinding> routeBindings)
    {
        var state = new BindingState(_create(), new bool[_properties.Length]);

        var request = context.Request;
        if (HasBody(request))
        {
            var mediaType = MediaTypeOf(request.ContentType);
            if (IsJson(mediaType))
                await ReadJsonBodyAsync(context, state).ConfigureAwait(false);
            else if (TakesFiles && IsMultipart(request.ContentType))
            {
                var fields = await ReadMultipartAsync(context, null, state).ConfigureAwait(false);
                foreach (var (key, values) in fields) ApplyText(key, values, state);
                CompleteFileLists(state);
            }
            else if (request.HasFormContentType)
                await ReadFormAsync(context, state).ConfigureAwait(false);
            else
                throw new HttpError(415, "UnsupportedMediaType",
                    $"Content-Type '{request.ContentType}' is not supported: send application/json, application/x-www-form-urlencoded or multipart/form-data.");
        }

        if (request.QueryString.HasValue)
            foreach (var (key, values) in request.Query)
                ApplyText(key, values, state);

        foreach (var route in routeBindings)
        {
            if (request.RouteValues.TryGetValue(route.RouteKey, out var raw) && raw is not null)
            {
                // Routing has already decoded the value: decoding again would turn "%25" into "%".
                var text = raw as string ?? Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                ApplyText(route.Property, text, state);
            }
        }

        return Complete(state);
    }

    /// <summary>Binds one DTO from a JSON object alone: an element of a batch (<c>POST /api/{Name}[]</c>).</summary>
    public BoundRequest BindJson(ReadOnlySequence<byte> json)
    {
        var state = new BindingState(_create(), new bool[_properties.Length]);
        ReadJson(json, state);
        return Complete(state);
    }

    /// <summary>Checks required properties and turns collected errors into one 400.</summary>
    private BoundRequest Complete(BindingState state)
    {
        foreach (var property in _properties)
        {
            if (property.IsRequired && !state.Sent[property.Index] && state.Errors?.Exists(e => e.FieldName == property.Name) != true)
                state.AddError(new ResponseError("Required", property.Name, $"'{property.Name}' is required."));
        }

        if (state.Errors is { Count: > 0 }) throw HttpError.Validation(state.Errors);
        return new BoundRequest(state.Dto, state.Sent, state.Unmatched);
    }

    private void ApplyText(string key, StringValues values, BindingState state)
    {
        if (!_byName.TryGetValue(key, out var property))
        {
            (state.Unmatched ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))[key] = values.ToString();
            return;
        }
        ApplyText(property, values, state);
    }

    private static void ApplyText(DtoProperty property, StringValues values, BindingState state)
    {
        // A file comes only as a file part of a multipart form: text for it (a query key) is no file.
        if (values.Count == 0 || property.IsFile) return;
        // An empty value (?rating= or a bare ?rating, as JS clients send nulls) means "no value" except for strings.
        if (values.Count == 1 && string.IsNullOrEmpty(values[0]) && !property.Parser.AcceptsEmpty) return;
        if (property.MaxItems is { } max && ItemCount.Exceeds(values, property.Parser.TakesCommaList, max))
        {
            state.AddError(property.TooManyItems());
            return;
        }
        if (property.Parser.TryParse(values, out var value))
        {
            if (property.FirstNullItem(value) is var nullAt and >= 0)
            {
                state.AddError(property.NullItem(nullAt));
                return;
            }
            property.Set(state.Dto, value);
            state.Sent[property.Index] = true;
        }
        else
        {
            var shown = Text.WireFormat.Clip(values.ToString());
            state.AddError(new ResponseError("InvalidValue", property.Name,
                $"'{shown}' is not a valid value for {property.Name}: expected {property.Parser.Expectation}."));
        }
    }

    private async ValueTask ReadFormAsync(HttpContext context, BindingState state)
    {
        IFormCollection form;
        try
        {
            RequestBody.ApplyLimit(context, _maxBodySize);
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException e) when (IsFormLimit(e))
        {
            // The form reader's own limits (value length, value count, multipart size).
            throw new HttpError(413, "RequestTooLarge", $"The form is too large: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            // No boundary, a header line that is not one, a part that is not form-data: the sender's mistake, not its size.
            throw new HttpError(400, "MalformedForm", $"The form is malformed: {e.Message}");
        }
        catch (IOException e) when (e is not BadHttpRequestException && !context.RequestAborted.IsCancellationRequested)
        {
            // A multipart body that stops before its closing boundary. BadHttpRequestException (Kestrel's own 413 among
            // them) is an IOException too and keeps its status.
            throw new HttpError(400, "MalformedForm", "The form is malformed: the multipart body ends before its closing boundary.");
        }
        foreach (var (key, values) in form)
            ApplyText(key, values, state);
    }

    // The form reader tells its limits from its format errors only by the message: "Form value count limit 1024 exceeded",
    // "Multipart body length limit ... exceeded". A boundary over 70 characters is a malformed header, not a large body.
    private static bool IsFormLimit(InvalidDataException e) =>
        e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) && e.Message.Contains("exceeded", StringComparison.OrdinalIgnoreCase) &&
        !e.Message.Contains("boundary length", StringComparison.OrdinalIgnoreCase);

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private static ReadOnlySpan<char> MediaTypeOf(string? contentType)
    {
        var span = (contentType ?? "").AsSpan();
        var semi = span.IndexOf(';');
        return (semi >= 0 ? span[..semi] : span).Trim();
    }

    private static bool IsJson(ReadOnlySpan<char> mediaType) =>
        mediaType.IsEmpty ||
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
        mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase) ||
        mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}

/// <summary>What one binding collects as it goes.</summary>
internal sealed class BindingState(object dto, bool[] sent)
{
    public object Dto { get; } = dto;
    public bool[] Sent { get; } = sent;
    public List<ResponseError>? Errors { get; private set; }
    public Dictionary<string, string>? Unmatched { get; set; }
    public Dictionary<int, List<UploadedFile>>? Files { get; set; }

    public void AddError(ResponseError error) => (Errors ??= []).Add(error);
}

/// <summary>A route value key of an endpoint and the DTO property it fills.</summary>
internal sealed record RouteBinding(string RouteKey, DtoProperty Property);

/// <summary>The result of binding: the DTO, which properties were sent, and query keys that matched nothing.</summary>
internal sealed record BoundRequest(object Dto, bool[] Sent, Dictionary<string, string>? Unmatched);
