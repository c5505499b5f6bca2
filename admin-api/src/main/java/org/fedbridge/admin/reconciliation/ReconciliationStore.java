package org.fedbridge.admin.reconciliation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scanned events, the roots and the mismatches. Inserts are idempotent (rescans are safe). */
@Repository
class ReconciliationStore {
  private final JdbcClient jdbc;

  ReconciliationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Long> cursor(String chain) {
    return jdbc.sql("SELECT next_block FROM chain_cursors WHERE chain = :c")
        .param("c", chain)
        .query(Long.class)
        .optional();
  }

  void cursor(String chain, long next) {
    jdbc.sql(
            "INSERT INTO chain_cursors VALUES (:c, :n) ON CONFLICT (chain)"
                + " DO UPDATE SET next_block = :n")
        .param("c", chain)
        .param("n", next)
        .update();
  }

  void deposit(ChainEvents.Transfer t) {
    jdbc.sql(
            "INSERT INTO l1_deposits VALUES (:n, :token, :from, :to, :amount, :block)"
                + " ON CONFLICT DO NOTHING")
        .params(params(t))
        .update();
  }

  void payout(ChainEvents.Transfer t, String kind) {
    jdbc.sql(
            "INSERT INTO l1_payouts VALUES (:n, :token, :to, :amount, :kind, :block)"
                + " ON CONFLICT DO NOTHING")
        .params(params(t))
        .param("kind", kind)
        .update();
  }

  void owedWithdrawn(ChainEvents.OwedWithdrawn o) {
    jdbc.sql("INSERT INTO l1_owed_withdrawn VALUES (:id, :r, :t, :a, :b) ON CONFLICT DO NOTHING")
        .param("id", o.id())
        .param("r", o.recipient())
        .param("t", o.token())
        .param("a", new BigDecimal(o.amount()))
        .param("b", o.block())
        .update();
  }

  void root(ChainEvents.RootPosted r) {
    jdbc.sql(
            "INSERT INTO l1_roots (root, batch_id, count, epoch, block, claimable_at, status)"
                + " VALUES (:root, :batch, :count, :epoch, :block, :claimable, 'PENDING')"
                + " ON CONFLICT DO NOTHING")
        .param("root", r.root())
        .param("batch", r.batchId())
        .param("count", r.count())
        .param("epoch", r.epoch())
        .param("block", r.block())
        .param("claimable", r.claimableAt())
        .update();
  }

  void mint(ChainEvents.Transfer t) {
    jdbc.sql(
            "INSERT INTO sc_mints VALUES (:n, :token, :to, :amount, :block) ON CONFLICT DO NOTHING")
        .params(params(t))
        .update();
  }

  void burn(ChainEvents.Transfer t) {
    jdbc.sql(
            "INSERT INTO sc_burns VALUES (:n, :token, :from, :to, :amount, :block)"
                + " ON CONFLICT DO NOTHING")
        .params(params(t))
        .update();
  }

  record Root(
      String root,
      long batchId,
      long count,
      long epoch,
      long block,
      long claimableAt,
      String status,
      String detail,
      String revokeTx) {}

  List<Root> roots(List<String> statuses, int limit) {
    return jdbc.sql("SELECT * FROM l1_roots WHERE status IN (:s) ORDER BY block DESC LIMIT :limit")
        .param("s", statuses)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Root(
                    rs.getString("root"),
                    rs.getLong("batch_id"),
                    rs.getLong("count"),
                    rs.getLong("epoch"),
                    rs.getLong("block"),
                    rs.getLong("claimable_at"),
                    rs.getString("status"),
                    rs.getString("detail"),
                    rs.getString("revoke_tx")))
        .list();
  }

  void rootStatus(String root, String status, String detail, Instant at) {
    jdbc.sql("UPDATE l1_roots SET status = :s, detail = :d, checked_at = :at WHERE root = :r")
        .param("s", status)
        .param("d", detail)
        .param("at", Timestamp.from(at))
        .param("r", root)
        .update();
  }

  void revoked(String root, String tx) {
    jdbc.sql(
            "UPDATE l1_roots SET status = 'REVOKED', revoke_tx = coalesce(:tx, revoke_tx)"
                + " WHERE root = :r")
        .param("tx", tx)
        .param("r", root)
        .update();
  }

  BigInteger maxDepositNonce() {
    return jdbc.sql("SELECT coalesce(max(nonce), 0) FROM l1_deposits")
        .query(BigDecimal.class)
        .single()
        .toBigIntegerExact();
  }

  /** Payouts on L1 without a sidechain burn of the same nonce, token, recipient and amount. */
  List<String> payoutsWithoutBurn() {
    return jdbc.sql(
            "SELECT p.nonce || ' ' || p.token || ' ' || p.recipient || ' ' || p.amount"
                + " FROM l1_payouts p LEFT JOIN sc_burns b ON b.nonce = p.nonce"
                + " WHERE b.nonce IS NULL OR b.token <> p.token OR b.l1_recipient <> p.recipient"
                + " OR b.amount <> p.amount ORDER BY p.nonce")
        .query(String.class)
        .list();
  }

  /** Mints up to {@code maxNonce} without the L1 deposit of the same nonce and fields. */
  List<String> mintsWithoutDeposit(BigInteger maxNonce) {
    return jdbc.sql(
            "SELECT m.nonce || ' ' || m.token || ' ' || m.recipient || ' ' || m.amount"
                + " FROM sc_mints m LEFT JOIN l1_deposits d ON d.nonce = m.nonce"
                + " WHERE m.nonce <= :max AND (d.nonce IS NULL OR d.token <> m.token"
                + " OR d.recipient <> m.recipient OR d.amount <> m.amount) ORDER BY m.nonce")
        .param("max", new BigDecimal(maxNonce))
        .query(String.class)
        .list();
  }

  /** Mints whose nonce is above every deposit L1 has (only meaningful when L1 is caught up). */
  List<String> mintsAbove(BigInteger maxNonce) {
    return jdbc.sql("SELECT nonce::text FROM sc_mints WHERE nonce > :max ORDER BY nonce")
        .param("max", new BigDecimal(maxNonce))
        .query(String.class)
        .list();
  }

  List<String> tokens() {
    return jdbc.sql(
            "SELECT DISTINCT token FROM (SELECT token FROM l1_deposits UNION SELECT token FROM"
                + " sc_mints UNION SELECT token FROM l1_payouts) t ORDER BY token")
        .query(String.class)
        .list();
  }

  /**
   * What the vault must hold for a token: the sidechain supply it backs (mints of deposits L1 has
   * shown, minus burns), plus burns not yet claimed on L1, plus claimed payouts that are still owed
   * (deferred and not withdrawn).
   */
  BigInteger obligations(String token, BigInteger maxDepositNonce) {
    return jdbc.sql(
            "SELECT"
                + " (SELECT coalesce(sum(amount), 0) FROM sc_mints WHERE token = :t AND nonce <= :max)"
                + " - (SELECT coalesce(sum(amount), 0) FROM sc_burns WHERE token = :t)"
                + " + (SELECT coalesce(sum(b.amount), 0) FROM sc_burns b"
                + "    LEFT JOIN l1_payouts p ON p.nonce = b.nonce"
                + "    WHERE b.token = :t AND p.nonce IS NULL)"
                + " + (SELECT coalesce(sum(p.amount), 0) FROM l1_payouts p"
                + "    JOIN sc_burns b ON b.nonce = p.nonce"
                + "    WHERE p.token = :t AND p.kind = 'deferred')"
                + " - (SELECT coalesce(sum(amount), 0) FROM l1_owed_withdrawn WHERE token = :t)")
        .param("t", token)
        .param("max", new BigDecimal(maxDepositNonce))
        .query(BigDecimal.class)
        .single()
        .toBigIntegerExact();
  }

  /** Records a problem once; true when it is new. */
  boolean mismatch(String kind, String subject, String detail, Instant at) {
    return jdbc.sql(
                "INSERT INTO mismatches (kind, subject, detail, detected_at)"
                    + " VALUES (:k, :s, :d, :at)"
                    + " ON CONFLICT (kind, subject) WHERE resolved_at IS NULL DO NOTHING")
            .param("k", kind)
            .param("s", subject)
            .param("d", detail)
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  /** Closes an open problem that is no longer seen; true if there was one. */
  boolean resolve(String kind, String subject, Instant at) {
    return jdbc.sql(
                "UPDATE mismatches SET resolved_at = :at WHERE kind = :k AND subject = :s"
                    + " AND resolved_at IS NULL")
            .param("at", Timestamp.from(at))
            .param("k", kind)
            .param("s", subject)
            .update()
        > 0;
  }

  record Mismatch(long id, String kind, String subject, String detail, Instant detectedAt) {}

  List<Mismatch> openMismatches() {
    return jdbc.sql("SELECT * FROM mismatches WHERE resolved_at IS NULL ORDER BY detected_at DESC")
        .query(
            (rs, n) ->
                new Mismatch(
                    rs.getLong("id"),
                    rs.getString("kind"),
                    rs.getString("subject"),
                    rs.getString("detail"),
                    rs.getTimestamp("detected_at").toInstant()))
        .list();
  }

  long openCount() {
    return jdbc.sql("SELECT count(*) FROM mismatches WHERE resolved_at IS NULL")
        .query(Long.class)
        .single();
  }

  private static java.util.Map<String, Object> params(ChainEvents.Transfer t) {
    return java.util.Map.of(
        "n", new BigDecimal(t.nonce()),
        "token", t.token(),
        "from", t.from(),
        "to", t.to(),
        "amount", new BigDecimal(t.amount()),
        "block", t.block());
  }
}
