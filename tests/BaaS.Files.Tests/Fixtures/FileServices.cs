namespace BaaS.Files.Tests.Fixtures;

public class FileServices : Service
{
    #region snippet:files-service
    public async Task<UploadDocumentResponse> Post(UploadDocument request)
    {
        if (request.File is null) throw HttpError.Validation(nameof(request.File), "Required", "'File' is required.");
        var stored = await Files.SaveAsync("docs", request.File, request, CancellationToken);
        return new UploadDocumentResponse { Url = stored.Url, ContentType = stored.ContentType, Length = stored.Length, OriginalName = stored.OriginalName };
    }
    #endregion

    public async Task<UploadDocumentsResponse> Post(UploadDocuments request)
    {
        var response = new UploadDocumentsResponse();
        foreach (var file in request.Files ?? [])
            response.Urls.Add((await Files.SaveAsync("docs", file, request, CancellationToken)).Url);
        return response;
    }

    public async Task<CountBlobResponse> Post(CountBlob request)
    {
        long length = 0;
        if (request.Blob is { } blob)
        {
            await using var stream = await blob.OpenReadAsync(CancellationToken);
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, CancellationToken)) > 0) length += read;
        }
        return new CountBlobResponse { Length = length, ContentType = request.Blob?.DetectedContentType };
    }
}
