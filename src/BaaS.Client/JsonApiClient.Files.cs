using System.Net.Http.Headers;

namespace BaaS.Client;

public partial class JsonApiClient
{
    /// <summary>
    /// Sends the request with its files as <c>multipart/form-data</c> (POST): the DTO's properties as form fields, each
    /// file as a part named by <see cref="FileUpload.FieldName"/>, streamed from <see cref="UploadedFile.OpenReadAsync"/>
    /// (never read whole into memory). A DTO whose own <see cref="UploadedFile"/> properties are set is sent this way by
    /// <c>SendAsync</c> too; this form adds files the DTO does not hold. Throws <see cref="WebServiceException"/> on failure.
    /// </summary>
    /// <example>
    /// <code>
    /// await using var photo = File.OpenRead("dish.jpg");
    /// var id = await client.PostFilesWithRequestAsync(new CreateDish { Name = "Pho" },
    ///     [new FileUpload("photo", UploadedFile.FromStream("dish.jpg", photo, "image/jpeg"))]);
    /// </code>
    /// </example>
    public Task<TResponse> PostFilesWithRequestAsync<TResponse>(IReturn<TResponse> request, IEnumerable<FileUpload> files,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var list = files?.ToList() ?? throw new ArgumentNullException(nameof(files));
        return WithRefreshAsync(() => CreateFileMessage(HttpVerbs.Post, request, list), SendMessageAsync<TResponse>, request, cancellationToken);
    }

    /// <summary>
    /// <see cref="PostFilesWithRequestAsync{TResponse}(IReturn{TResponse}, IEnumerable{FileUpload}, CancellationToken)"/>
    /// with HTTP failures in the result instead of exceptions.
    /// </summary>
    public async Task<ApiResult<TResponse>> ApiFilesAsync<TResponse>(IReturn<TResponse> request, IEnumerable<FileUpload> files,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return ApiResult<TResponse>.Success(await PostFilesWithRequestAsync(request, files, cancellationToken).ConfigureAwait(false), 200);
        }
        catch (WebServiceException e)
        {
            return ApiResult<TResponse>.Failure(e.ResponseStatus, e.StatusCode);
        }
    }

    private static bool HasFiles(object request) => QueryString.Files(request).Any();

    private HttpRequestMessage CreateFileMessage(string verb, object request, IReadOnlyList<FileUpload> extra)
    {
        var message = new HttpRequestMessage(new HttpMethod(verb), BasePath.TrimEnd('/') + "/" + request.GetType().Name);
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in QueryString.Fields(request, JsonOptions)) form.Add(new StringContent(text), name);
        foreach (var (name, file) in QueryString.Files(request)) form.Add(new UploadedFileContent(file), name, FileNameOf(file));
        foreach (var upload in extra) form.Add(new UploadedFileContent(upload.File), upload.FieldName, FileNameOf(upload.File));
        message.Content = form;
        ApplyHeaders(message);
        return message;
    }

    // A part without a file name would be read as a text field: an unnamed file is still sent as a file.
    private static string FileNameOf(UploadedFile file) => string.IsNullOrEmpty(file.FileName) ? "file" : file.FileName;

    /// <summary>A file part whose content is opened when the request is sent (again on a retry) and streamed.</summary>
    private sealed class UploadedFileContent : HttpContent
    {
        private readonly UploadedFile _file;

        public UploadedFileContent(UploadedFile file)
        {
            _file = file;
            Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            var content = await _file.OpenReadAsync(cancellationToken).ConfigureAwait(false);
            await using (content.ConfigureAwait(false))
                await content.CopyToAsync(stream, 64 * 1024, cancellationToken).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _file.Length;
            return _file.Length > 0;
        }
    }
}

/// <summary>A file sent beside a request DTO: the form field it goes in (the DTO's file property, in camelCase or as declared) and the file.</summary>
/// <param name="FieldName">The form field: the name of the DTO's file property.</param>
/// <param name="File">The file.</param>
public sealed record FileUpload(string FieldName, UploadedFile File);
