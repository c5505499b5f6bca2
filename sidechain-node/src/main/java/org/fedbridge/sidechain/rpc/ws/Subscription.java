package org.fedbridge.sidechain.rpc.ws;

import org.fedbridge.sidechain.rpc.LogFilter;

/**
 * One {@code eth_subscribe} of a connection. It is announced (active) only once the answer that
 * carries its id is on its way, so no notification ever precedes it.
 *
 * @param filter for {@code logs}: what to send ({@code null} otherwise)
 * @param fullTransactions for {@code newPendingTransactions}: objects instead of hashes
 */
record Subscription(String id, Kind kind, LogFilter filter, boolean fullTransactions) {
  enum Kind {
    NEW_HEADS("newHeads"),
    LOGS("logs"),
    NEW_PENDING_TRANSACTIONS("newPendingTransactions");

    final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    static Kind of(String name) {
      for (Kind k : values()) {
        if (k.wireName.equals(name)) {
          return k;
        }
      }
      return null;
    }
  }

  /** The notification carrying {@code resultJson} for this subscription. */
  String notification(String resultJson) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\",\"params\":{\"subscription\":\""
        + id
        + "\",\"result\":"
        + resultJson
        + "}}";
  }
}
