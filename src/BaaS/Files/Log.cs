using Microsoft.Extensions.Logging;

namespace BaaS.Files;

/// <summary>The files feature's log messages (event ids 5600-5649).</summary>
internal static partial class Log
{
    [LoggerMessage(5600, LogLevel.Debug, "Stored {Location}/{Path} ({Length} bytes, {ContentType})")]
    public static partial void Stored(ILogger logger, string location, string path, long length, string contentType);

    [LoggerMessage(5601, LogLevel.Debug, "Deleted {Location}/{Path} and its variants")]
    public static partial void Deleted(ILogger logger, string location, string path);

    [LoggerMessage(5602, LogLevel.Warning, "Could not delete the stored file {Key}; it is left behind")]
    public static partial void DeleteFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(5603, LogLevel.Warning, "Files:SigningKey is not set: signed file URLs use a random key of this process, which other nodes and restarts do not share")]
    public static partial void RandomSigningKey(ILogger logger);
}
