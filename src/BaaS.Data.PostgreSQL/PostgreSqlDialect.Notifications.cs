using Npgsql;

namespace BaaS.Data.PostgreSQL;

public sealed partial class PostgreSqlDialect
{
    /// <inheritdoc />
    public override string NotifySql(string channel) => $"pg_notify({QuoteLiteral(channel)}, '')";

    /// <inheritdoc />
    // PostgreSQL refuses a payload of 8000 bytes or more ("payload string too long").
    public override int MaxNotificationBytes => 7999;

    /// <inheritdoc />
    public override string NotifySql(string channel, string payloadParameter) => $"pg_notify({QuoteLiteral(channel)}, @{payloadParameter})";

    /// <inheritdoc />
    public override string CreateSequenceSql(string sequence) => "CREATE SEQUENCE IF NOT EXISTS " + QuoteIdentifier(sequence);

    /// <inheritdoc />
    public override string NextSequenceValueSql(string sequence) => $"SELECT nextval({QuoteLiteral(QuoteIdentifier(sequence))})";

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
            await UnlistenAsync(connection, channel).ConfigureAwait(false);
        }
    }

    // The pool does not reset connections (No Reset On Close, see CreateDataSource): a connection handed back still
    // listening would bring this channel's notifications to its next user. Stopping WaitAsync leaves the connection
    // usable; one that broke is not pooled again, so a failure here leaves nothing behind.
    private async Task UnlistenAsync(NpgsqlConnection connection, string channel)
    {
        if (connection.FullState != System.Data.ConnectionState.Open) return;
        try
        {
            await using var unlisten = connection.CreateCommand();
            unlisten.CommandText = "UNLISTEN " + QuoteIdentifier(channel);
            await unlisten.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // the connection failed meanwhile: it is discarded, not pooled
        }
    }

    private static string QuoteLiteral(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
