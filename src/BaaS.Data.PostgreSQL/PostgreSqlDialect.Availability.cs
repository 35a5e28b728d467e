using System.Net.Sockets;
using Npgsql;

namespace BaaS.Data.PostgreSQL;

public sealed partial class PostgreSqlDialect
{
    /// <summary>
    /// PostgreSQL cannot be reached: a connection refused, reset or timed out (socket and I/O errors), the pool exhausted
    /// for its whole timeout, or the server saying so itself: <c>57P01</c> admin shutdown, <c>57P02</c> crash shutdown,
    /// <c>57P03</c> cannot connect now (starting up or shutting down), <c>53300</c> too many connections, and every
    /// <c>08xxx</c> connection exception.
    /// </summary>
    public override bool IsUnavailable(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                        or PostgresErrorCodes.TooManyConnections || pg.SqlState.StartsWith("08", StringComparison.Ordinal);
                case NpgsqlException npgsql when npgsql.InnerException is SocketException or IOException or TimeoutException:
                    // Npgsql wraps what broke the connection (or the pool wait that timed out) in an NpgsqlException.
                    return true;
                case SocketException or EndOfStreamException:
                    return true;
            }
        }
        return false;
    }
}
