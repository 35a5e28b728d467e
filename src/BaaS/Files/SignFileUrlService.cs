namespace BaaS.Files;

/// <summary>Serves <see cref="SignFileUrl"/>: a signed URL of a file the caller may read.</summary>
internal sealed class SignFileUrlService(FileService files) : Service
{
    public async Task<SignFileUrlResponse> Post(SignFileUrl request)
    {
        if (files.Urls.Parse(request.Url) is not var (locationName, path) || files.Locations.Find(locationName) is not { } location)
            throw HttpError.Validation(nameof(SignFileUrl.Url), "InvalidValue", "'Url' is not the URL of a stored file.");
        if (request.ExpiresInSeconds is <= 0)
            throw HttpError.Validation(nameof(SignFileUrl.ExpiresInSeconds), "InvalidValue", "'ExpiresInSeconds' must be positive.");
        var info = await location.Store.GetInfoAsync(location.KeyOf(path), CancellationToken).ConfigureAwait(false);
        // Not found and not allowed look the same: a caller learns nothing of files it may not read.
        if (info is null || !FileRules.CanRead(location, User, path, info.OwnerId))
        {
            if (User.Identity?.IsAuthenticated != true) throw HttpError.Unauthorized("Sign in to get a signed URL of this file.");
            throw HttpError.NotFound("There is no such file you may read.");
        }
        var options = files.Locations.Options;
        var lifetime = request.ExpiresInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.SignedUrlLifetime;
        if (lifetime > options.MaxSignedUrlLifetime) lifetime = options.MaxSignedUrlLifetime;
        var expiresAt = files.Clock.GetUtcNow() + lifetime;
        return new SignFileUrlResponse
        {
            Url = files.Urls.Of(location.Name, path) + files.Signer.Sign(location.Name, path, expiresAt),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()).UtcDateTime,
        };
    }
}
