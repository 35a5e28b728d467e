using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace BaaS.Binding;

internal sealed partial class RequestBinder
{
    /// <summary>The most text fields, and the longest text value, a multipart request with files may carry (as the form reader's).</summary>
    private const int MaxFormFields = 1024;
    private const int MaxFormValueLength = 4 * 1024 * 1024;

    /// <summary>True when the DTO has <see cref="UploadedFile"/> properties: its multipart bodies are streamed, not buffered.</summary>
    public bool TakesFiles => _fileProperties.Length > 0;

    /// <summary>
    /// Reads a <c>multipart/form-data</c> body part by part: text parts become form values (as the form reader's would),
    /// file parts are streamed one by one to their property's <see cref="IUploadTarget"/>, so no file is ever held in
    /// memory. A file part whose name is no file property, a text part named like one, a second file for a single file
    /// property: 400 naming the field. <paramref name="onFile"/> takes file parts first (a batch names them <c>[i].Property</c>).
    /// </summary>
    private async ValueTask<Dictionary<string, StringValues>> ReadMultipartAsync(HttpContext context, Func<string, FilePart, Task<bool>>? onFile,
        BindingState? state)
    {
        var boundary = BoundaryOf(context.Request.ContentType);
        RequestBody.ApplyLimit(context, _maxMultipartBodySize);
        var reader = new MultipartReader(boundary, context.Request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024, BodyLengthLimit = null };
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(context.RequestAborted).ConfigureAwait(false)) is not null)
            {
                if (++count > MaxFormFields)
                    throw new HttpError(413, "RequestTooLarge", $"The form is too large: it has more than {MaxFormFields:N0} parts.");
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) ||
                    !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase) ||
                    HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                    throw new HttpError(400, "MalformedForm", "The form is malformed: every part needs a Content-Disposition of form-data with a name.");

                if (disposition.FileName.HasValue || disposition.FileNameStar.HasValue)
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    var part = new FilePart(name, fileName, section.ContentType, section.Body);
                    if (onFile is not null && await onFile(name, part).ConfigureAwait(false)) continue;
                    if (state is null || !await ReceiveFileAsync(context, state, part).ConfigureAwait(false))
                        throw HttpError.Validation(name, "InvalidValue", $"'{WireFormatClip(name)}' takes no file: there is no file property of that name.");
                    continue;
                }

                if (state is not null && _byName.TryGetValue(name, out var named) && named.Upload is not null)
                    throw HttpError.Validation(named.Name, "InvalidValue", $"'{named.Name}' takes a file: send it as a file part (with a filename) of the form.");
                var value = await ReadTextAsync(section.Body, name, context.RequestAborted).ConfigureAwait(false);
                fields[name] = fields.TryGetValue(name, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);
            }
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            throw new HttpError(413, "RequestTooLarge", $"The form is too large: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            throw new HttpError(400, "MalformedForm", $"The form is malformed: {e.Message}");
        }
        catch (IOException e) when (e is not BadHttpRequestException && !context.RequestAborted.IsCancellationRequested)
        {
            throw new HttpError(400, "MalformedForm", "The form is malformed: the multipart body ends before its closing boundary.");
        }
        return fields;
    }

    /// <summary>Streams one file part into its property; false when no file property has the part's name.</summary>
    private async Task<bool> ReceiveFileAsync(HttpContext context, BindingState state, FilePart part)
    {
        if (!_byName.TryGetValue(part.Name, out var property) || property.Upload is not { } target) return false;
        var file = await target.ReceiveAsync(context, property.Name, part.FileName, part.ContentType, part.Content).ConfigureAwait(false);
        // A browser's empty file input sends a part with no name and no bytes: no file.
        if (file.Length == 0 && string.IsNullOrEmpty(part.FileName)) return true;
        if (property.IsFileList)
        {
            state.Files ??= [];
            if (!state.Files.TryGetValue(property.Index, out var list)) state.Files[property.Index] = list = [];
            if (list.Count >= property.MaxItems)
                throw HttpError.Validation([property.TooManyItems()]);
            list.Add(file);
        }
        else
        {
            if (state.Sent[property.Index])
                throw HttpError.Validation(property.Name, "InvalidValue", $"'{property.Name}' takes one file: the form sent more than one.");
            property.Set(state.Dto, file);
        }
        state.Sent[property.Index] = true;
        return true;
    }

    /// <summary>Assigns the lists of files collected for list properties.</summary>
    private void CompleteFileLists(BindingState state)
    {
        if (state.Files is null) return;
        foreach (var (index, files) in state.Files)
        {
            var property = _properties[index];
            property.Set(state.Dto, property.FileListOf(files));
        }
    }

    private static async Task<string> ReadTextAsync(Stream body, string name, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[4096];
        var text = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (text.Length + read > MaxFormValueLength)
                throw new HttpError(413, "RequestTooLarge", $"The form is too large: the value of '{WireFormatClip(name)}' is longer than {MaxFormValueLength:N0} characters.");
            text.Append(buffer, 0, read);
        }
        return text.ToString();
    }

    private static string BoundaryOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 } boundary)
            throw new HttpError(400, "MalformedForm", "The form is malformed: multipart/form-data needs a boundary parameter.");
        if (boundary.Length > 70)
            throw new HttpError(400, "MalformedForm", "The form is malformed: the multipart boundary is longer than 70 characters.");
        return boundary;
    }

    private static string WireFormatClip(string text) => Text.WireFormat.Clip(text);

    private static bool IsMultipart(string? contentType) =>
        contentType is not null && contentType.TrimStart().StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A file part of a multipart body, its content not read yet.</summary>
internal sealed record FilePart(string Name, string? FileName, string? ContentType, Stream Content);

internal sealed partial class RequestBinder
{
    /// <summary>The form field of a multipart batch that holds the JSON array of requests.</summary>
    public const string BatchField = "requests";

    /// <summary>
    /// Binds a batch sent as <c>multipart/form-data</c> (<c>POST /api/{Name}[]</c>): the field <c>requests</c> holds the
    /// JSON array of request objects, and each file part is named <c>[i].Property</c> (<c>[0].photo</c>): the file of
    /// property <c>Property</c> of the request at index <c>i</c>. Files stream as in a single request.
    /// </summary>
    public async ValueTask<List<BoundRequest>> BindMultipartBatchAsync(HttpContext context, int maxBatchSize)
    {
        var states = new Dictionary<int, BindingState>();
        BindingState StateAt(int index) => states.TryGetValue(index, out var s) ? s : states[index] = new BindingState(_create(), new bool[_properties.Length]);

        var fields = await ReadMultipartAsync(context, async (name, part) =>
        {
            if (!TryBatchName(name, out var index, out var property) || index >= maxBatchSize)
                throw HttpError.Validation(name, "InvalidValue",
                    $"'{WireFormatClip(name)}' is no file of this batch: name each file [index].Property, e.g. [0].{_fileProperties.FirstOrDefault()?.Name ?? "File"}.");
            var state = StateAt(index);
            if (!await ReceiveFileAsync(context, state, part with { Name = property }).ConfigureAwait(false))
                throw HttpError.Validation(name, "InvalidValue", $"'{WireFormatClip(name)}' takes no file: {DtoType.Name} has no file property '{WireFormatClip(property)}'.");
            return true;
        }, null).ConfigureAwait(false);

        if (!fields.TryGetValue(BatchField, out var json) || json.Count != 1)
            throw HttpError.Validation(BatchField, "Required", $"A multipart batch sends the JSON array of its requests in one field named '{BatchField}'.");
        var bytes = new System.Buffers.ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json[0]!));
        var elements = Routing.BatchSplitter.Split(bytes, maxBatchSize);
        if (states.Keys.Where(i => i >= elements.Count).Select(i => (int?)i).FirstOrDefault() is { } extra)
            throw HttpError.Validation($"[{extra}]", "InvalidValue", $"The batch has {elements.Count} request(s), but a file was sent for request {extra}.");
        var bound = new List<BoundRequest>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            var state = StateAt(i);
            ReadJson(bytes.Slice(elements[i].Start, elements[i].End), state);
            CompleteFileLists(state);
            bound.Add(Complete(state));
        }
        return bound;
    }

    /// <summary>Reads <c>[3].photo</c> as request 3, property <c>photo</c>.</summary>
    private static bool TryBatchName(string name, out int index, out string property)
    {
        index = -1;
        property = "";
        var close = name.IndexOf(']', StringComparison.Ordinal);
        if (name.Length < 5 || name[0] != '[' || close < 2 || close + 2 >= name.Length || name[close + 1] != '.') return false;
        if (!int.TryParse(name.AsSpan(1, close - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index)) return false;
        property = name[(close + 2)..];
        return true;
    }
}
