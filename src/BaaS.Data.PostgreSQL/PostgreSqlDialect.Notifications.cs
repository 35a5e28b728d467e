using Npgsql;

namespace BaaS.Data.PostgreSQL;

public sealed partial class PostgreSqlDialect
{
    /// <inheritdoc />
    public override string NotifySql(string channel) => $"pg_notify({QuoteLiteral(channel)}, '')";

    /// <inheritdoc />
    // LISTEN "baas_jobs"; then wait on the connection: Npgsql raises Notification for each NOTIFY it reads.
    public override async Task ListenAsync(DataConnection db, string channel, Action<string?> onNotification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(onNotification);
        var connection = (NpgsqlConnection)db.Inner;
        void OnNotification(object sender, NpgsqlNotificationEventArgs e)
        {
            if (e.Channel == channel) onNotification(e.Payload);
        }

        connection.Notification += OnNotification;
        try
        {
            await using (var listen = connection.CreateCommand())
            {
                listen.CommandText = "LISTEN " + QuoteIdentifier(channel);
                await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            onNotification(null); // listening now: whatever happened before went unheard
            while (true) await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            connection.Notification -= OnNotification;
        }
    }

    private static string QuoteLiteral(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
