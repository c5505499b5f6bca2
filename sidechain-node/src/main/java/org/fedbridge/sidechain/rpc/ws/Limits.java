package org.fedbridge.sidechain.rpc.ws;

/**
 * Bounds of the WebSocket endpoint.
 *
 * @param maxConnections connections at once
 * @param maxConnectionsPerClient connections at once from one remote address
 * @param maxSubscriptions subscriptions per connection
 * @param maxWaitingMessages messages waiting to be sent before a connection counts as too slow
 * @param maxMessageBytes largest message a client may send
 */
public record Limits(
    int maxConnections,
    int maxConnectionsPerClient,
    int maxSubscriptions,
    int maxWaitingMessages,
    int maxMessageBytes) {}
