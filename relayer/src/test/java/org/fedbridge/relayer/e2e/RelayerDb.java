package org.fedbridge.relayer.e2e;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.testsupport.TestPostgres;

/** Reads the relayer's outbox straight from its database, to check what it sent and when. */
final class RelayerDb {
  private final String url;

  RelayerDb(Bridge bridge) {
    this.url = bridge.relayerDb;
  }

  /** One intended transaction with its signed versions' hashes (oldest first). */
  record Intent(
      long id,
      String kind,
      long nonce,
      String status,
      String minedHash,
      String error,
      List<String> attempts,
      List<Boolean> broadcast) {}

  List<Intent> postRoot(long batchId) {
    return intents("o.kind = 'POST_ROOT' AND o.batch_id = ?", batchId);
  }

  List<Intent> claimsOf(BigInteger withdrawalNonce) {
    return intents(
        "o.kind = 'CLAIM' AND o.id IN (SELECT outbox_id FROM relayer.outbox_claims"
            + " WHERE withdrawal_nonce = ?)",
        withdrawalNonce);
  }

  long nextNonce(String address) {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement("SELECT next_nonce FROM relayer.gas_accounts WHERE address = ?")) {
      s.setString(1, address.toLowerCase());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Gas used by the mined intents (their receipts' gasUsed as the relayer recorded them). */
  long gasUsed(List<Intent> intents) {
    long sum = 0;
    for (Intent i : intents) {
      sum += count("SELECT coalesce(gas_used, 0) FROM relayer.outbox WHERE id = " + i.id());
    }
    return sum;
  }

  long count(String sql) {
    try (Connection c = connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Intent> intents(String where, Object param) {
    String sql =
        "SELECT o.id, o.kind, o.nonce, o.status, o.mined_tx_hash, o.error FROM relayer.outbox o WHERE "
            + where
            + " ORDER BY o.id";
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, param instanceof BigInteger b ? new java.math.BigDecimal(b) : param);
      List<Intent> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          List<String> hashes = new ArrayList<>();
          List<Boolean> sent = new ArrayList<>();
          try (PreparedStatement a =
              c.prepareStatement(
                  "SELECT tx_hash, broadcast_at IS NOT NULL FROM relayer.outbox_attempts"
                      + " WHERE outbox_id = ? ORDER BY id")) {
            a.setLong(1, id);
            try (ResultSet ars = a.executeQuery()) {
              while (ars.next()) {
                hashes.add(ars.getString(1));
                sent.add(ars.getBoolean(2));
              }
            }
          }
          out.add(
              new Intent(
                  id,
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  hashes,
                  sent));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection connect() throws SQLException {
    TestPostgres pg = TestPostgres.shared();
    return DriverManager.getConnection(url, pg.username(), pg.password());
  }
}
