using BaaS.Auth.Tokens;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Hosting;

/// <summary>
/// Deletes expired refresh tokens every <see cref="JwtOptions.RefreshTokenCleanupInterval"/>, so the table holds the
/// live sessions rather than every token ever issued (each refresh adds one). Several nodes may run it at once: the
/// delete is the same statement, whoever runs it first.
/// </summary>
internal sealed class RefreshTokenCleanup(RefreshTokens tokens, TimeProvider clock, IOptions<AuthOptions> options, ILogger<RefreshTokenCleanup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Jwt.RefreshTokenCleanupInterval;
        if (interval <= TimeSpan.Zero) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken).ConfigureAwait(false);
                var deleted = await tokens.DeleteExpiredAsync(stoppingToken).ConfigureAwait(false);
                if (deleted > 0) AuthLog.RefreshTokensDeleted(logger, deleted);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // e.g. the database is down or the auth tables are not migrated yet: try again at the next interval.
                AuthLog.RefreshTokenCleanupFailed(logger, e);
            }
        }
    }
}
