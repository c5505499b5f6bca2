package org.fedbridge.validator.dkg;

import java.util.List;
import java.util.Optional;
import org.fedbridge.core.types.Bytes32;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The DKG's PostgreSQL tables (db/migrations/bridge-validator/V2_1__dkg.sql). */
final class DkgStore {
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  DkgStore(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  enum Status {
    RUNNING,
    CONFIRMED,
    FAILED
  }

  /** A session row. {@code nextOffset} is empty until the first record was read. */
  record Session(
      Bytes32 sessionId,
      long epoch,
      int myIndex,
      byte[] dealSeed,
      Optional<Long> nextOffset,
      Status status,
      String failure) {}

  /** One accepted record. */
  record StoredRecord(int seq, long offset, int sender, int kind, byte[] bytes) {}

  /**
   * The session, created with {@code seed} if new. SECURITY: the seed is committed here before the
   * member publishes anything, and an existing row keeps its first seed.
   */
  Session open(Bytes32 session, long epoch, String spec, int myIndex, byte[] seed) {
    jdbc.sql(
            "INSERT INTO dkg_session (session_id, epoch, spec, my_index, deal_seed, status)"
                + " VALUES (?, ?, ?, ?, ?, 'RUNNING') ON CONFLICT (session_id) DO NOTHING")
        .params(session.bytes(), epoch, spec, myIndex, seed)
        .update();
    return session(session).orElseThrow();
  }

  Optional<Session> session(Bytes32 session) {
    return jdbc.sql(
            "SELECT epoch, my_index, deal_seed, next_offset, status, failure FROM dkg_session"
                + " WHERE session_id = ?")
        .param(session.bytes())
        .query(
            (rs, n) ->
                new Session(
                    session,
                    rs.getLong(1),
                    rs.getInt(2),
                    rs.getBytes(3),
                    Optional.ofNullable((Long) rs.getObject(4)),
                    Status.valueOf(rs.getString(5)),
                    rs.getString(6)))
        .optional();
  }

  List<StoredRecord> records(Bytes32 session) {
    return jdbc.sql(
            "SELECT seq, log_offset, sender, kind, record FROM dkg_record WHERE session_id = ?"
                + " ORDER BY seq")
        .param(session.bytes())
        .query(
            (rs, n) ->
                new StoredRecord(
                    rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getBytes(5)))
        .list();
  }

  /** Appends accepted records and moves the read position, in one transaction. */
  void append(Bytes32 session, List<StoredRecord> records, long nextOffset) {
    tx.executeWithoutResult(
        status -> {
          for (StoredRecord r : records) {
            jdbc.sql(
                    "INSERT INTO dkg_record (session_id, seq, log_offset, sender, kind, record)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(session.bytes(), r.seq(), r.offset(), r.sender(), r.kind(), r.bytes())
                .update();
          }
          jdbc.sql("UPDATE dkg_session SET next_offset = ? WHERE session_id = ?")
              .params(nextOffset, session.bytes())
              .update();
        });
  }

  /**
   * Records the confirmed outcome: the session and, once per epoch ever, the federation. Returns
   * false when another session already holds the epoch.
   */
  boolean confirm(Bytes32 session, ConfirmedFederation f, Bytes32 transcript, Bytes32 outcome) {
    return Boolean.TRUE.equals(
        tx.execute(
            status -> {
              jdbc.sql(
                      "UPDATE dkg_session SET status = 'CONFIRMED', group_key = ?,"
                          + " transcript_hash = ?, outcome_hash = ?, has_share = ?,"
                          + " finished_at = now() WHERE session_id = ?")
                  .params(
                      f.groupKey().toCompressed(),
                      transcript.bytes(),
                      outcome.bytes(),
                      f.myShare(),
                      session.bytes())
                  .update();
              int inserted =
                  jdbc.sql(
                          "INSERT INTO federation_epoch (epoch, session_id, l1_chain_id, vault,"
                              + " sidechain_id, group_key, threshold, members, my_index, my_share)"
                              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                              + " ON CONFLICT (epoch) DO NOTHING")
                      .params(
                          f.epoch(),
                          session.bytes(),
                          f.l1ChainId(),
                          f.vault(),
                          f.sidechainId(),
                          f.groupKey().toCompressed(),
                          f.threshold(),
                          ConfirmedFederation.membersJson(f.members()),
                          f.myIndex().isPresent() ? f.myIndex().getAsInt() : null,
                          f.myShare())
                      .update();
              if (inserted == 0) {
                Optional<byte[]> holder =
                    jdbc.sql("SELECT session_id FROM federation_epoch WHERE epoch = ?")
                        .param(f.epoch())
                        .query(byte[].class)
                        .optional();
                return holder.map(h -> java.util.Arrays.equals(h, session.bytes())).orElse(false);
              }
              return true;
            }));
  }

  void fail(Bytes32 session, String why) {
    jdbc.sql(
            "UPDATE dkg_session SET status = 'FAILED', failure = ?, finished_at = now()"
                + " WHERE session_id = ? AND status = 'RUNNING'")
        .params(why, session.bytes())
        .update();
  }

  /** The confirmed federation of {@code epoch}, if this member took part in its DKG. */
  Optional<ConfirmedFederation> federation(long epoch) {
    return jdbc.sql(
            "SELECT epoch, session_id, l1_chain_id, vault, sidechain_id, group_key, threshold,"
                + " members, my_index, my_share FROM federation_epoch WHERE epoch = ?")
        .param(epoch)
        .query(ConfirmedFederation::fromRow)
        .optional();
  }

  List<ConfirmedFederation> federations() {
    return jdbc.sql(
            "SELECT epoch, session_id, l1_chain_id, vault, sidechain_id, group_key, threshold,"
                + " members, my_index, my_share FROM federation_epoch ORDER BY epoch")
        .query(ConfirmedFederation::fromRow)
        .list();
  }
}
