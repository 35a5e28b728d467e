namespace BaaS;

/// <summary>What an <see cref="IServerEventsBus"/> hands messages to (the node's subscriptions).</summary>
public interface IServerEventsReceiver
{
    /// <summary>A payload published on some node, with its id. Called for one message at a time, in the bus's order.</summary>
    void Receive(long id, string payload);

    /// <summary>The bus lost its connection (messages published meanwhile do not reach this node); it reconnects by itself.</summary>
    void Disconnected(Exception? reason);

    /// <summary>The bus listens again after <see cref="Disconnected"/>.</summary>
    void Reconnected();
}
